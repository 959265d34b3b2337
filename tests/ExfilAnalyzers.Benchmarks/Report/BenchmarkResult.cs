using System.Collections.Immutable;
using ExfilAnalyzers.Benchmarks.Measurement;

namespace ExfilAnalyzers.Benchmarks.Report;

/// <summary>Everything one benchmark run measured.</summary>
internal sealed record BenchmarkResult(
    BenchmarkOptions Options,
    ImmutableArray<string> Environment,
    ImmutableArray<AnalyzerSuite> Suites,
    ImmutableArray<ProjectResult> Real,
    ImmutableArray<RealEditResult> RealEdits,
    ImmutableArray<int> Scales,
    ImmutableArray<ProjectResult> Scaling,
    ImmutableArray<IdeResult> Ide,
    ImmutableArray<CallSeriesResult> CallSeries);
