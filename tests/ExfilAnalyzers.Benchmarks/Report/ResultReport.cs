using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ExfilAnalyzers.Benchmarks.Measurement;

namespace ExfilAnalyzers.Benchmarks.Report;

/// <summary>The report: the environment, the real corpus and the IDE case on it, the scaling series, the IDE case, the call series, and the targets.</summary>
internal static class ResultReport
{
    public static string Write(BenchmarkResult result)
    {
        var text = new StringBuilder();
        text.AppendLine("# ExfilAnalyzers benchmark").AppendLine();
        foreach (var line in result.Environment)
        {
            text.Append("- ").AppendLine(line);
        }

        text.AppendLine();
        if (!result.Real.IsEmpty)
        {
            RealCorpusSection.Write(text, result);
        }

        if (!result.RealEdits.IsEmpty)
        {
            RealEditSection.Write(text, result);
        }

        if (!result.Scaling.IsEmpty)
        {
            ScalingSection.Write(text, result);
        }

        if (!result.Ide.IsEmpty)
        {
            IdeSection.Write(text, result);
        }

        if (!result.CallSeries.IsEmpty)
        {
            CallSeriesSection.Write(text, result);
        }

        TargetsSection.Write(text, result);
        return text.ToString();
    }

    /// <summary>Sum over projects of each project's median CPU time added by the suite.</summary>
    public static TimeSpan Total(IEnumerable<ProjectResult> projects, AnalyzerSuite suite) =>
        projects.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.For(suite)?.AddedCpu ?? TimeSpan.Zero));

    /// <summary>Sum over projects of each project's median time logged by the driver for the suite's analyzers.</summary>
    public static TimeSpan TotalLogged(IEnumerable<ProjectResult> projects, AnalyzerSuite suite) =>
        projects.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.For(suite)?.LoggedTime ?? TimeSpan.Zero));

    /// <summary>"≥ " when a run was cancelled at the time limit: the figure is then a lower bound.</summary>
    public static string Bound(bool timedOut) => timedOut ? "≥ " : string.Empty;

    public static TimeSpan TotalCompile(IEnumerable<ProjectResult> projects) =>
        projects.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Compile);

    /// <summary>The binding floor summed over the projects, or null when it was not measured.</summary>
    public static TimeSpan? TotalFloor(IReadOnlyCollection<ProjectResult> projects) =>
        projects.Count > 0 && projects.All(p => p.Floor is not null) ? projects.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Floor!.Value) : null;

    public static AnalyzerSuite Ours(BenchmarkResult result) => result.Suites.First(s => s.IsOurs);

    public static IEnumerable<AnalyzerSuite> Peers(BenchmarkResult result) => result.Suites.Where(s => !s.IsOurs);
}
