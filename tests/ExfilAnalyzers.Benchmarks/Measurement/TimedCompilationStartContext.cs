using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>The compilation-start context of a <see cref="TimedAnalysisContext"/>: the same forwarding, one level down.</summary>
internal sealed class TimedCompilationStartContext : CompilationStartAnalysisContext
{
    private readonly CompilationStartAnalysisContext _driver;
    private readonly CallbackClock _clock;

    // RS1012: the driver's start context is registered on, by every method below, for the wrapped analyzer.
#pragma warning disable RS1012
    public TimedCompilationStartContext(CompilationStartAnalysisContext driver, CallbackClock clock)
        : base(driver.Compilation, driver.Options, driver.CancellationToken)
    {
        _driver = driver;
        _clock = clock;
    }
#pragma warning restore RS1012

    public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _driver.RegisterCompilationEndAction(_clock.Timed(action));

    public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _driver.RegisterSemanticModelAction(_clock.Timed(action));

    public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
        _driver.RegisterSymbolAction(_clock.Timed(action), symbolKinds);

    public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _driver.RegisterCodeBlockAction(_clock.Timed(action));

    public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _driver.RegisterSyntaxTreeAction(_clock.Timed(action));

    public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _driver.RegisterAdditionalFileAction(_clock.Timed(action));

    public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
        _driver.RegisterSyntaxNodeAction(_clock.Timed(action), syntaxKinds);

    public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
        _driver.RegisterOperationAction(_clock.Timed(action), operationKinds);

    public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _driver.RegisterOperationBlockAction(_clock.Timed(action));

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
        throw TimedAnalysisContext.Untimed("symbol start");

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
        throw TimedAnalysisContext.Untimed("code block start");

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
        throw TimedAnalysisContext.Untimed("operation block start");
}
