using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// An analyzer that does nothing, run like the others: what the analyzer driver costs by itself (binding the
/// whole compilation to produce its events). A suite's CPU time minus this run's is what the suite adds to a build.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DriverBaseline : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("BENCH0001", "Unused", "Unused", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public static AnalyzerSuite Suite { get; } = new("Driver alone (no-op analyzer)", ImmutableArray.Create<DiagnosticAnalyzer>(new DriverBaseline()), IsOurs: false);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
    }
}
