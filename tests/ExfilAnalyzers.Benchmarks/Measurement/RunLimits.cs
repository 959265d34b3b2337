using System;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>How many runs to measure, when to stop repeating a slow suite, and when to give up on one run.</summary>
internal sealed record RunLimits(int Runs, TimeSpan RepeatLimit, TimeSpan TimeLimit)
{
    public static RunLimits Once { get; } = new(1, TimeSpan.MaxValue, TimeSpan.FromMinutes(10));
}
