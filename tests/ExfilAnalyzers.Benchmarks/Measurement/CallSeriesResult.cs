using System.Collections.Immutable;
using ExfilAnalyzers.Benchmarks.Generated;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// One size of a call series: the project's measurements, and our findings against the generator's: how many
/// were expected (one per unit), how many there are, and how many units have exactly one.
/// </summary>
internal sealed record CallSeriesPoint(int Size, ProjectResult Project, int Expected, int Found, int UnitsWithOneFinding);

/// <summary>A call series measured at each of its sizes, ours only.</summary>
internal sealed record CallSeriesResult(CallSeries Series, AnalyzerSuite Suite, ImmutableArray<CallSeriesPoint> Points);
