using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ExfilAnalyzers.Benchmarks.Measurement;

namespace ExfilAnalyzers.Benchmarks.Report;

/// <summary>The report: the environment, the real corpus, the scaling series, the IDE case, and the targets.</summary>
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

        if (!result.Scaling.IsEmpty)
        {
            ScalingSection.Write(text, result);
        }

        if (!result.Ide.IsEmpty)
        {
            IdeSection.Write(text, result);
        }

        TargetsSection.Write(text, result);
        return text.ToString();
    }

    /// <summary>Sum over projects of each project's median.</summary>
    public static TimeSpan Total(IEnumerable<ProjectResult> projects, AnalyzerSuite suite) =>
        projects.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.For(suite)?.AnalyzerTime ?? TimeSpan.Zero));

    public static TimeSpan TotalCompile(IEnumerable<ProjectResult> projects) =>
        projects.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Compile);

    public static AnalyzerSuite Ours(BenchmarkResult result) => result.Suites.First(s => s.IsOurs);

    public static IEnumerable<AnalyzerSuite> Peers(BenchmarkResult result) => result.Suites.Where(s => !s.IsOurs);
}
