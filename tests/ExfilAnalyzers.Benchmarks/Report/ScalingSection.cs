using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ExfilAnalyzers.Benchmarks.Measurement;

namespace ExfilAnalyzers.Benchmarks.Report;

/// <summary>The generated corpus at each scale: times and memory, and how much each grows when the corpus doubles.</summary>
internal static class ScalingSection
{
    public static void Write(StringBuilder text, BenchmarkResult result)
    {
        var ours = ResultReport.Ours(result);
        text.AppendLine("## Generated corpus: scaling").AppendLine();
        var headers = new List<string> { "Scale", "Lines", "Compile", "ExfilAnalyzers", "growth", "÷ compile", "In our callbacks", "growth", "GC pauses", "Collections", "Heap growth", "growth", "Kept after the run", "Allocated", "growth" };
        foreach (var peer in ResultReport.Peers(result))
        {
            headers.Add(peer.Name);
            headers.Add("growth");
        }

        headers.Add("Our findings");
        var table = new MarkdownTable(headers.ToArray());
        ProjectResult? previous = null;
        for (var i = 0; i < result.Scaling.Length; i++)
        {
            var project = result.Scaling[i];
            var mine = project.For(ours)!;
            var before = previous?.For(ours);
            var cells = new List<string>
            {
                $"{result.Scales[i]}×",
                Format.Count(project.Project.LineCount),
                Format.Seconds(project.Compile),
                ResultReport.Bound(mine.TimedOut) + Format.Seconds(mine.AddedCpu),
                Growth(before?.AddedCpu.Ticks, mine.AddedCpu.Ticks),
                Format.Percent(Format.Ratio(mine.AddedCpu, project.Compile)),
                ResultReport.Bound(mine.TimedOut) + Format.Seconds(mine.CallbackCpu ?? TimeSpan.Zero),
                Growth(before?.CallbackCpu?.Ticks, (mine.CallbackCpu ?? TimeSpan.Zero).Ticks),
                Format.Seconds(mine.GcPause),
                $"{mine.Collections}; full in {mine.FullCollectionRuns} of {mine.Runs} runs",
                Format.Megabytes(mine.PeakHeapAboveBaseline),
                Growth(before?.PeakHeapAboveBaseline, mine.PeakHeapAboveBaseline),
                Format.Megabytes(mine.Kept),
                Format.Megabytes(mine.Allocated),
                Growth(before?.Allocated, mine.Allocated),
            };
            foreach (var peer in ResultReport.Peers(result))
            {
                cells.Add(ResultReport.Bound(project.For(peer)!.TimedOut) + Format.Seconds(project.For(peer)!.AddedCpu));
                cells.Add(Growth(previous?.For(peer)!.AddedCpu.Ticks, project.For(peer)!.AddedCpu.Ticks));
            }

            cells.Add(Format.Count(mine.FindingCount));
            table.Row(cells.ToArray());
            previous = project;
        }

        text.AppendLine(table.ToString());
        text.AppendLine("Times: CPU time added to the analyzer driver alone, median of the runs. "
            + "In our callbacks: the CPU time of the threads inside our analyzers' callbacks, taken within each run (the binding they ask for included, "
            + "and the wall time they waited for summaries made on a fresh stack), "
            + "median of the runs; the time target's growth is read from it. GC pauses: how long collections paused the process during our run "
            + "(they grow faster than the corpus: each collection costs more at a larger scale). "
            + "Collections: how many the collector made during our run, of them how many of generation 1 or 2 (older) and how many full "
            + "(medians of the runs), and in how many runs at least one was full: how many fall in a run is much of what makes runs of one size differ. "
            + "growth: the value divided by the one at the previous scale (the corpus doubles each row). "
            + "Heap growth: the most the managed heap grew above the corpus already in memory during our run. "
            + "Kept after the run: what the heap still held above that once our run was over, the driver still alive (median of the runs).").AppendLine();
        Work(text, result, ours);
        Recall(text, result, ours);
    }

    /// <summary>The units of work our engine counted at each scale: what the times measure, without the machine's noise.</summary>
    private static void Work(StringBuilder text, BenchmarkResult result, AnalyzerSuite ours)
    {
        var table = new MarkdownTable("Scale", "Bodies analysed for diagnostics", "growth", "Bodies bound", "growth", "Flow analyses", "growth",
            "of them at field levels", "Field values", "growth", "Member index searches", "growth");
        Flow.WorkCount? before = null;
        for (var i = 0; i < result.Scaling.Length; i++)
        {
            if (result.Scaling[i].For(ours)!.Work is not { } work)
            {
                continue;
            }

            table.Row(
                $"{result.Scales[i]}×",
                Format.Count(work.Roots),
                Growth(before?.Roots, work.Roots),
                Format.Count(work.Bodies),
                Growth(before?.Bodies, work.Bodies),
                Format.Count(work.Summaries),
                Growth(before?.Summaries, work.Summaries),
                Format.Count(work.LevelSummaries),
                Format.Count(work.FieldValues),
                Growth(before?.FieldValues, work.FieldValues),
                Format.Count(work.MemberQuestions),
                Growth(before?.MemberQuestions, work.MemberQuestions));
            before = work;
        }

        text.AppendLine("Our engine's work at each scale, counted in the last run (every run of a size does the same work): bodies analysed for "
            + "their own diagnostics, bodies bound to operations, flow analyses (a root, a summary at one level, a cycle's round, a lambda, "
            + "an initializer; of them, those at field levels 0 and 1, made only for field values), field values computed at one level, and searches of the member index (writers of a field, callers of a method). "
            + "Times move with the machine; these do not.").AppendLine();
        text.AppendLine(table.ToString());
    }

    /// <summary>What we find at the largest scale against what the generator put there, rule by rule.</summary>
    private static void Recall(StringBuilder text, BenchmarkResult result, AnalyzerSuite ours)
    {
        var scale = result.Scales[^1];
        var found = result.Scaling[^1].For(ours)!.Findings.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var expected = Generated.GeneratedCorpus.ExpectedFindings(scale);
        var table = new MarkdownTable("Rule", $"Expected at {scale}×", "Found");
        foreach (var rule in expected.Keys.Union(found.Keys).OrderBy(r => r, StringComparer.Ordinal))
        {
            table.Row(rule, Format.Count(expected.GetValueOrDefault(rule)), Format.Count(found.GetValueOrDefault(rule)));
        }

        text.AppendLine($"Our findings at {scale}× against the flows the generator wrote (one per leaking sink call and rule):").AppendLine();
        text.AppendLine(table.ToString());
    }

    public static IEnumerable<double> Growths(IReadOnlyList<ProjectResult> projects, Func<ProjectResult, double> measure)
    {
        for (var i = 1; i < projects.Count; i++)
        {
            yield return measure(projects[i]) / measure(projects[i - 1]);
        }
    }

    public static string Growth(long? before, long now) => before is > 0 ? Format.Times((double)now / before.Value) : "";
}
