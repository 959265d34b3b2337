using System;
using System.Linq;
using System.Text;
using ExfilAnalyzers.Benchmarks.Measurement;

namespace ExfilAnalyzers.Benchmarks.Report;

/// <summary>The interprocedural case: one table per call series, with the growth per doubling and the findings against the generator's.</summary>
internal static class CallSeriesSection
{
    public static void Write(StringBuilder text, BenchmarkResult result)
    {
        text.AppendLine("## Interprocedural case: call chains and call sites").AppendLine();
        foreach (var series in result.CallSeries)
        {
            Write(text, series);
        }

        text.AppendLine("Times: CPU time our analyzers add to the analyzer driver alone, and the CPU time inside our analyzers' callbacks "
            + "(with the wall time they waited for summaries made on a fresh stack, past the depth bound), medians of the runs; growth: divided by the previous row (the size doubles each row), where linear cost gives 2.00×; "
            + "÷: the time in our callbacks divided by the size. Flow analyses: how many our engine ran in the last run (a root, a summary, a cycle's round; "
            + "they do not move with the machine). Every size has the same filler "
            + "(helpers and models with no source and no sink), so allocations and flow analyses grow by less than 2× even when linear. One finding per unit: how many "
            + "chains, or call sites, have exactly one of our findings. The target reads the time in our callbacks, and counts only doublings where both are at least "
            + $"{Format.Seconds(NoiseFloor)}: below that, the runtime's own work (compiling our code, a collection) weighs as much as the doubling.")
            .AppendLine();
    }

    private static void Write(StringBuilder text, CallSeriesResult result)
    {
        var series = result.Series;
        var symbol = series.SizeSymbol;
        text.AppendLine($"### {series.Title}").AppendLine();
        var table = new MarkdownTable($"{symbol} ({series.SizeName})", "Lines", "Compile", "ExfilAnalyzers", "growth", "In our callbacks", "growth", $"÷ {symbol}", "Allocated", "growth",
            "Flow analyses", "growth", "Expected findings", "Found", $"{series.UnitName} with one finding");
        CallSeriesPoint? previous = null;
        foreach (var point in result.Points)
        {
            var ours = point.Project.For(result.Suite)!;
            var before = previous?.Project.For(result.Suite);
            table.Row(
                Format.Count(point.Size),
                Format.Count(point.Project.Project.LineCount),
                Format.Seconds(point.Project.Compile),
                ResultReport.Bound(ours.TimedOut) + Format.Seconds(ours.AddedCpu),
                ScalingSection.Growth(before?.AddedCpu.Ticks, ours.AddedCpu.Ticks),
                ResultReport.Bound(ours.TimedOut) + Format.Seconds(ours.OwnTime),
                ScalingSection.Growth(before?.OwnTime.Ticks, ours.OwnTime.Ticks),
                Format.Milliseconds(ours.OwnTime / point.Size),
                Format.Megabytes(ours.Allocated),
                ScalingSection.Growth(before?.Allocated, ours.Allocated),
                ours.Work is { } work ? Format.Count(work.Summaries) : "",
                ScalingSection.Growth(before?.Work?.Summaries, ours.Work?.Summaries ?? 0),
                Format.Count(point.Expected),
                Format.Count(point.Found),
                Format.Count(point.UnitsWithOneFinding));
            previous = point;
        }

        text.AppendLine(table.ToString());
        var rules = result.Points[^1].Project.For(result.Suite)!.Findings.GroupBy(d => d.Id).OrderBy(g => g.Key, System.StringComparer.Ordinal);
        text.AppendLine($"Our findings at {symbol} = {Format.Count(result.Points[^1].Size)} by rule: "
            + (rules.Any() ? string.Join(", ", rules.Select(g => $"{g.Key} {g.Count()}")) : "none") + ".").AppendLine();
    }

    /// <summary>
    /// Below this, a time is within the noise of the runtime's own work: its growth says nothing. Runs of
    /// one size measured 0.02 to 0.04 s in our callbacks at the smallest, and 0.06 to 0.10 s at 0.06.
    /// </summary>
    public static readonly TimeSpan NoiseFloor = TimeSpan.FromSeconds(0.05);

    /// <summary>The worst growth per doubling of the time in our callbacks along a series, between sizes both above the noise floor (NaN: none).</summary>
    public static double WorstGrowth(CallSeriesResult result)
    {
        var times = result.Points.Select(p => p.Project.For(result.Suite)!.OwnTime).ToList();
        return Enumerable.Range(1, times.Count - 1)
            .Where(i => times[i - 1] >= NoiseFloor && times[i] >= NoiseFloor)
            .Select(i => times[i] / times[i - 1])
            .DefaultIfEmpty(double.NaN)
            .Max();
    }
}
