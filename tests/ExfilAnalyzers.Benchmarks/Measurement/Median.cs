using System;
using System.Collections.Generic;
using System.Linq;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>The median: robust to the one slow run that a busy machine or a garbage collection causes.</summary>
internal static class Median
{
    public static TimeSpan Of(IEnumerable<TimeSpan> values) => TimeSpan.FromTicks((long)Of(values.Select(v => (double)v.Ticks)));

    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
