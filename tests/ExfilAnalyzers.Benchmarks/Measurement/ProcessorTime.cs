using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// CPU time used by this process. Every measured step runs on one thread at a time, so its CPU time is the
/// time it would take on an idle core: unlike the wall clock, it does not grow when other processes share
/// the machine. On Linux it is read from clock_gettime, to the microsecond (the portable counter moves in
/// steps of 10 ms there, too coarse for the IDE case).
/// </summary>
internal static partial class ProcessorTime
{
    private const int ProcessCpuClock = 2; // CLOCK_PROCESS_CPUTIME_ID
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ProcessCpuClock, out var time) == 0)
        {
            return ToTimeSpan(time);
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// CPU time used by the calling thread (Linux); elsewhere the process's, which in a single-threaded
    /// run differs by what the runtime's own threads (the JIT's tiering) do meanwhile.
    /// </summary>
    public static TimeSpan OnThisThread() =>
        OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out var time) == 0 ? ToTimeSpan(time) : Now();

    private static TimeSpan ToTimeSpan(TimeSpec time) =>
        TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
