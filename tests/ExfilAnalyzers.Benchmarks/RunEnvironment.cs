using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Benchmarks;

/// <summary>What the figures depend on besides the code: machine, runtime, compiler, settings, and how busy the machine was.</summary>
internal static class RunEnvironment
{
    public static ImmutableArray<string> Describe(BenchmarkOptions options, TimeSpan elapsed) => ImmutableArray.Create(
        $"Date: {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; whole run {elapsed.TotalMinutes.ToString("F1", CultureInfo.InvariantCulture)} min",
        $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}",
        $"Compiler hosting the analyzers: Microsoft.CodeAnalysis {typeof(Compilation).Assembly.GetName().Version}",
        $"Garbage collector: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {(System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}"
            + $"; {GC.CollectionCount(0)} gen-0, {GC.CollectionCount(1)} gen-1 and {GC.CollectionCount(2)} gen-2 collections in the whole run",
        $"Mode: {(options.Quick ? "quick" : "full")}, {options.Runs} measured run(s) after a warm-up ({options.ScalingRuns} for each size of the generated corpus), repeat limit {options.RepeatLimitSeconds.ToString(CultureInfo.InvariantCulture)} s, time limit {options.TimeLimitMinutes.ToString(CultureInfo.InvariantCulture)} min",
        $"Peak memory of the whole process (resident set): {PeakResident()}",
        $"Load average at the end (other processes on the machine): {LoadAverage()}");

    private static string PeakResident()
    {
        const string path = "/proc/self/status";
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return (kilobytes / 1024).ToString(CultureInfo.InvariantCulture) + " MB";
                }
            }
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return (process.PeakWorkingSet64 / 1048576).ToString(CultureInfo.InvariantCulture) + " MB";
    }

    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ')[..3]) : "unknown";
    }
}
