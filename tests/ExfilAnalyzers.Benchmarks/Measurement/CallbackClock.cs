using System;
using System.Threading;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// The CPU time threads spend inside an analyzer's callbacks, summed: what the analyzer itself costs,
/// including the binding it asks the compiler for, measured in the same run as everything else. The
/// added CPU time (a suite's run minus the driver's, in two runs) also counts the driver's work on the
/// analyzer's behalf, but it is the difference of two large, separately measured figures, and on the
/// generated corpus its noise is as large as what it measures.
/// </summary>
internal sealed class CallbackClock
{
    [ThreadStatic]
    private static int _depth;

    private long _ticks;

    public TimeSpan Total => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    /// <summary>The action, timed. A callback that runs inside another (none does today) is counted once, in the outer one.</summary>
    public Action<T> Timed<T>(Action<T> action) => argument =>
    {
        if (_depth++ > 0)
        {
            try { action(argument); } finally { _depth--; }
            return;
        }

        var start = ProcessorTime.OnThisThread();
        try
        {
            action(argument);
        }
        finally
        {
            _depth--;
            Interlocked.Add(ref _ticks, (ProcessorTime.OnThisThread() - start).Ticks);
        }
    };
}
