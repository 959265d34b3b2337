using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>One suite in the IDE case: medians over the edits.</summary>
internal sealed record IdeResult(AnalyzerSuite Suite, int Edits, TimeSpan Wall, TimeSpan AnalyzerTime, TimeSpan CompilerOnly, TimeSpan WorstAnalyzerTime,
    int Findings, ImmutableArray<string> Exceptions)
{
    public static IdeResult From(AnalyzerSuite suite, IReadOnlyList<EditedFileRun> runs) => new(
        suite,
        runs.Count,
        Median.Of(runs.Select(r => r.Wall)),
        Median.Of(runs.Select(r => r.AnalyzerTime)),
        Median.Of(runs.Select(r => r.CompilerOnly)),
        runs.Max(r => r.AnalyzerTime),
        runs.Sum(r => r.Findings),
        runs.SelectMany(r => r.Exceptions).Distinct().ToImmutableArray());
}
