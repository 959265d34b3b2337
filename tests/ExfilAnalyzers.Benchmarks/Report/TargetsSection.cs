using System;
using System.Linq;
using System.Text;

namespace ExfilAnalyzers.Benchmarks.Report;

/// <summary>The targets of issue 8, each with what this run measured. Reported, never asserted: a timing is not a test.</summary>
internal static class TargetsSection
{
    public const double CompileShare = 0.10;
    public const double PeerShare = 0.20;
    public const double GrowthPerDoubling = 2.2;
    public static readonly TimeSpan EditBudget = TimeSpan.FromMilliseconds(50);

    public static void Write(StringBuilder text, BenchmarkResult result)
    {
        var ours = ResultReport.Ours(result);
        var table = new MarkdownTable("Target", "Measured", "Verdict");
        if (!result.Real.IsEmpty)
        {
            var oursTime = ResultReport.Total(result.Real, ours);
            var compile = ResultReport.TotalCompile(result.Real);
            var share = Format.Ratio(oursTime, compile);
            var floor = ResultReport.TotalFloor(result.Real) is { } bound
                ? $" (binding and graphing every body, with no analysis: {Format.Percent(Format.Ratio(bound, compile))})"
                : "";
            table.Row("Real corpus: our analyzer time ≤ 10 % of compile time", Format.Percent(share) + floor, Format.Verdict(share <= CompileShare));
            foreach (var peer in ResultReport.Peers(result))
            {
                var ratio = Format.Ratio(oursTime, ResultReport.Total(result.Real, peer));
                table.Row($"Real corpus: ours ≤ 1/5 of {peer.Name}", Format.Times(ratio), Format.Verdict(ratio <= PeerShare));
            }
        }

        if (result.Scaling.Length > 1)
        {
            // Growth is read from the time inside our callbacks, taken within each run: the added time is the
            // difference of two runs, and at these sizes its noise is as large as a doubling (docs/benchmark.md).
            var time = ScalingSection.Growths(result.Scaling, p => p.For(ours)!.OwnTime.Ticks).ToList();
            var added = ScalingSection.Growths(result.Scaling, p => p.For(ours)!.AddedCpu.Ticks).ToList();
            var heap = ScalingSection.Growths(result.Scaling, p => p.For(ours)!.PeakHeapAboveBaseline).ToList();
            var allocated = ScalingSection.Growths(result.Scaling, p => p.For(ours)!.Allocated).ToList();
            // The whole series too: single doublings divide medians that move by a fifth between runs of one size.
            var whole = time.Aggregate(1.0, (product, growth) => product * growth);
            var perDoubling = Math.Pow(whole, 1.0 / time.Count);
            var analyses = result.Scaling.All(p => p.For(ours)!.Work is not null)
                ? $"; flow analyses counted: worst {Format.Times(ScalingSection.Growths(result.Scaling, p => p.For(ours)!.Work!.Value.Summaries).Max())}"
                : "";
            table.Row("Generated corpus: time growth per doubling ≤ 2.2×",
                $"in our callbacks {string.Join(", ", time.Select(Format.Times))}; {Format.Times(whole)} over the series, {Format.Times(perDoubling)} per doubling"
                + $" (added CPU {string.Join(", ", added.Select(Format.Times))}){analyses}",
                Format.Verdict(time.Max() <= GrowthPerDoubling));
            table.Row("Generated corpus: memory linear (growth per doubling ≤ 2.2×)",
                $"heap worst {Format.Times(heap.Max())}, allocated worst {Format.Times(allocated.Max())}",
                Format.Verdict(heap.Max() <= GrowthPerDoubling && allocated.Max() <= GrowthPerDoubling));
        }

        var ide = result.Ide.FirstOrDefault(i => i.Suite == ours);
        if (ide is not null)
        {
            table.Row($"IDE case: one file re-analysed in < 50 ms at {result.Scales[^1]}×, first edit of a file",
                $"{Format.Milliseconds(ide.AddedCpu)} (worst {Format.Milliseconds(ide.WorstAddedCpu)})", Format.Verdict(ide.AddedCpu < EditBudget));
            table.Row($"IDE case: one file re-analysed in < 50 ms at {result.Scales[^1]}×, next keystroke in it",
                $"{Format.Milliseconds(ide.KeystrokeAddedCpu)} (worst {Format.Milliseconds(ide.WorstKeystrokeAddedCpu)})", Format.Verdict(ide.KeystrokeAddedCpu < EditBudget));
        }

        if (!result.CallSeries.IsEmpty)
        {
            var worst = result.CallSeries.Select(CallSeriesSection.WorstGrowth).ToList();
            var assessed = worst.Where(double.IsFinite).ToList();
            table.Row("Call chain / call sites: growth per doubling ≤ 2.2×",
                string.Join(", ", result.CallSeries.Select((s, i) => $"{s.Series.UnitName} worst " + (double.IsFinite(worst[i])
                    ? Format.Times(worst[i])
                    : $"n/a (under {Format.Seconds(CallSeriesSection.NoiseFloor)})"))),
                assessed.Count == 0 ? "n/a" : Format.Verdict(assessed.All(g => g <= GrowthPerDoubling)));
        }

        text.AppendLine("## Targets").AppendLine().AppendLine(table.ToString());
    }
}
