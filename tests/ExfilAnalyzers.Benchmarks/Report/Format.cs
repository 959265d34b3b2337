using System;
using System.Globalization;

namespace ExfilAnalyzers.Benchmarks.Report;

/// <summary>How the report writes numbers: invariant culture, units that fit the size.</summary>
internal static class Format
{
    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";

    public static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms";

    public static string Percent(double ratio) => double.IsFinite(ratio) ? (ratio * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "n/a";

    public static string Times(double ratio) => double.IsFinite(ratio) ? ratio.ToString("F2", CultureInfo.InvariantCulture) + "×" : "n/a";

    public static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MB";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static double Ratio(TimeSpan part, TimeSpan whole) => whole > TimeSpan.Zero ? part / whole : double.NaN;

    public static string Verdict(bool met) => met ? "met" : "**missed**";
}
