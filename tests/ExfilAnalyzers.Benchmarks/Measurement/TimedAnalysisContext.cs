using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// The analysis context a <see cref="TimedAnalyzer"/> hands its analyzer: each registration goes to the
/// driver's context with its callback timed. Symbol, code block and operation block starts are refused
/// loudly: what an analyzer registers on those contexts would run untimed, and the figure would be short
/// without saying so. Ours registers none; the peers are not timed this way.
/// </summary>
internal sealed class TimedAnalysisContext : AnalysisContext
{
    private readonly AnalysisContext _driver;
    private readonly CallbackClock _clock;

    public TimedAnalysisContext(AnalysisContext driver, CallbackClock clock)
    {
        _driver = driver;
        _clock = clock;
    }

    public override DiagnosticSeverity MinimumReportedSeverity => _driver.MinimumReportedSeverity;

    public override void EnableConcurrentExecution() => _driver.EnableConcurrentExecution();

    public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _driver.ConfigureGeneratedCodeAnalysis(analysisMode);

    public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
        _driver.RegisterCompilationStartAction(_clock.Timed<CompilationStartAnalysisContext>(start => action(new TimedCompilationStartContext(start, _clock))));

    public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _driver.RegisterCompilationAction(_clock.Timed(action));

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

    public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => throw Untimed("symbol start");

    public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Untimed("code block start");

    public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => throw Untimed("operation block start");

    internal static NotSupportedException Untimed(string kind) =>
        new($"The benchmark cannot time what is registered in a {kind} action; time this analyzer by the CPU it adds instead.");
}
