using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// One suite on one project over all its runs: medians of the times, the findings of the last run, the worst
/// memory. AddedCpu is the suite's CPU time minus that of the driver alone in the same run: what the suite
/// adds to a build, robust to other processes on the machine. CallbackCpu: the CPU time inside the suite's
/// callbacks (ours only), measured within each run, so steadier where the added time is small. Work: the units of
/// work our engine counted in the last run (ours only; every run of a project does the same work). GcPause: how
/// long collections paused the process during the suite's run; Collections: how many it made (the median of
/// each count), and FullCollectionRuns: in how many runs at least one of them was full. Kept: the median of what
/// the heap held above its start once each run was over, the driver still alive.
/// </summary>
internal sealed record SuiteResult(
    AnalyzerSuite Suite,
    int Runs,
    bool TimedOut,
    TimeSpan LoggedTime,
    TimeSpan AddedCpu,
    TimeSpan? CallbackCpu,
    Flow.WorkCount? Work,
    TimeSpan GcPause,
    GcCollections Collections,
    int FullCollectionRuns,
    TimeSpan Wall,
    ImmutableDictionary<string, TimeSpan> TimeByAnalyzer,
    ImmutableArray<Diagnostic> Findings,
    ImmutableArray<string> Exceptions,
    long PeakHeapAboveBaseline,
    long Allocated,
    long Kept)
{
    public static SuiteResult From(AnalyzerSuite suite, IReadOnlyList<(SuiteRun Run, TimeSpan DriverCpu)> runs)
    {
        var names = runs.SelectMany(r => r.Run.TimeByAnalyzer.Keys).Distinct();
        var byAnalyzer = names.ToImmutableDictionary(n => n, n => Median.Of(runs.Select(r => r.Run.TimeByAnalyzer.GetValueOrDefault(n))));
        return new SuiteResult(
            suite,
            runs.Count,
            runs.Any(r => r.Run.TimedOut),
            Median.Of(runs.Select(r => r.Run.LoggedTime)),
            Median.Of(runs.Select(r => r.Run.Cpu - r.DriverCpu)),
            runs.All(r => r.Run.CallbackCpu is not null) ? Median.Of(runs.Select(r => r.Run.CallbackCpu!.Value)) : null,
            runs[^1].Run.Work,
            Median.Of(runs.Select(r => r.Run.GcPause)),
            new GcCollections(MedianCount(runs, c => c.All), MedianCount(runs, c => c.Older), MedianCount(runs, c => c.Full)),
            runs.Count(r => r.Run.Collections.Full > 0),
            Median.Of(runs.Select(r => r.Run.Wall)),
            byAnalyzer,
            runs[^1].Run.Findings,
            runs.SelectMany(r => r.Run.Exceptions).Distinct().ToImmutableArray(),
            runs.Max(r => r.Run.PeakHeap - r.Run.BaselineHeap),
            (long)Median.Of(runs.Select(r => (double)r.Run.Allocated)),
            (long)Median.Of(runs.Select(r => (double)r.Run.Kept)));
    }

    public int FindingCount => Findings.Length;

    private static int MedianCount(IReadOnlyList<(SuiteRun Run, TimeSpan DriverCpu)> runs, Func<GcCollections, int> count) =>
        (int)Math.Round(Median.Of(runs.Select(r => (double)count(r.Run.Collections))));

    /// <summary>The time the growth targets read: in the suite's callbacks when they were timed, else the added time.</summary>
    public TimeSpan OwnTime => CallbackCpu ?? AddedCpu;
}
