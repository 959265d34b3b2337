using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// One suite in the IDE case, medians over the edits. AddedCpu: the suite's CPU time on the edit minus the
/// driver's alone on the same edit, what the suite adds to the wait after a keystroke. Keystroke: the same
/// for the next keystroke in the file just edited.
/// </summary>
internal sealed record IdeResult(AnalyzerSuite Suite, int Edits, TimeSpan AddedCpu, TimeSpan WorstAddedCpu, TimeSpan Cpu, TimeSpan Wall, TimeSpan LoggedTime,
    TimeSpan CompilerOnly, int Findings, ImmutableArray<string> Exceptions, TimeSpan KeystrokeAddedCpu, TimeSpan WorstKeystrokeAddedCpu)
{
    public static IdeResult From(AnalyzerSuite suite, IReadOnlyList<(EditedFileRun Run, TimeSpan DriverCpu, TimeSpan CompilerOnly)> runs,
        IReadOnlyList<(EditedFileRun Run, TimeSpan DriverCpu, TimeSpan CompilerOnly)> keystrokes) => new(
        suite,
        runs.Count,
        Median.Of(runs.Select(r => r.Run.Cpu - r.DriverCpu)),
        runs.Max(r => r.Run.Cpu - r.DriverCpu),
        Median.Of(runs.Select(r => r.Run.Cpu)),
        Median.Of(runs.Select(r => r.Run.Wall)),
        Median.Of(runs.Select(r => r.Run.LoggedTime)),
        Median.Of(runs.Select(r => r.CompilerOnly)),
        runs.Sum(r => r.Run.Findings),
        runs.Concat(keystrokes).SelectMany(r => r.Run.Exceptions).Distinct().ToImmutableArray(),
        Median.Of(keystrokes.Select(r => r.Run.Cpu - r.DriverCpu)),
        keystrokes.Max(r => r.Run.Cpu - r.DriverCpu));
}
