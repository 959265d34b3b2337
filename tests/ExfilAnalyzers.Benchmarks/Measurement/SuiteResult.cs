using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>One suite on one project over all its runs: medians of the times, the findings of the last run, the worst memory.</summary>
internal sealed record SuiteResult(
    AnalyzerSuite Suite,
    int Runs,
    TimeSpan AnalyzerTime,
    TimeSpan Wall,
    ImmutableDictionary<string, TimeSpan> TimeByAnalyzer,
    ImmutableArray<Diagnostic> Findings,
    ImmutableArray<string> Exceptions,
    long PeakHeap,
    long PeakHeapAboveBaseline,
    long Allocated)
{
    public static SuiteResult From(AnalyzerSuite suite, IReadOnlyList<SuiteRun> runs)
    {
        var names = runs.SelectMany(r => r.TimeByAnalyzer.Keys).Distinct();
        var byAnalyzer = names.ToImmutableDictionary(n => n, n => Median.Of(runs.Select(r => r.TimeByAnalyzer.GetValueOrDefault(n))));
        return new SuiteResult(
            suite,
            runs.Count,
            Median.Of(runs.Select(r => r.AnalyzerTime)),
            Median.Of(runs.Select(r => r.Wall)),
            byAnalyzer,
            runs[^1].Findings,
            runs.SelectMany(r => r.Exceptions).Distinct().ToImmutableArray(),
            runs.Max(r => r.PeakHeap),
            runs.Max(r => r.PeakHeap - r.BaselineHeap),
            (long)Median.Of(runs.Select(r => (double)r.Allocated)));
    }

    public int FindingCount => Findings.Length;
}
