using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ExfilAnalyzers.Benchmarks.Measurement;

namespace ExfilAnalyzers.Benchmarks.Report;

/// <summary>The real corpus: totals per analyzer suite against the compiler, then each project.</summary>
internal static class RealCorpusSection
{
    public static void Write(StringBuilder text, BenchmarkResult result)
    {
        var projects = result.Real;
        var compile = ResultReport.TotalCompile(projects);
        var ours = ResultReport.Ours(result);
        var oursTime = ResultReport.Total(projects, ours);
        var lines = projects.Sum(p => p.Project.LineCount);
        text.AppendLine($"## Real corpus: {projects.Length} decompiled assemblies, {Format.Count(lines)} lines").AppendLine();

        var totals = new MarkdownTable("Measured", "CPU time", "÷ compile", "ExfilAnalyzers ÷ this", "Driver-logged time", "In our callbacks", "Findings", "Analyzer exceptions",
            "Peak heap growth", "Kept after the run", "Allocated");
        totals.Row("Compiler: parse, bind, emit", Format.Seconds(compile), "100 %", Format.Percent(Format.Ratio(oursTime, compile)), "", "",
            Format.Count(projects.Sum(p => p.CompileErrors)) + " compile errors", "", "", "", "");
        totals.Row("Analyzer driver alone", Format.Seconds(projects.Aggregate(TimeSpan.Zero, (s, p) => s + p.Driver)), "", "", "", "", "", "", "", "", "");
        if (ResultReport.TotalFloor(projects) is { } floor)
        {
            totals.Row(BindingFloor.Suite.Name, Format.Seconds(floor), Format.Percent(Format.Ratio(floor, compile)), Format.Times(Format.Ratio(oursTime, floor)),
                "", "", "", "", "", "", "");
        }

        foreach (var suite in result.Suites)
        {
            var results = projects.Select(p => p.For(suite)!).ToList();
            var bound = ResultReport.Bound(results.Any(r => r.TimedOut));
            var time = ResultReport.Total(projects, suite);
            totals.Row(suite.Name, bound + Format.Seconds(time), bound + Format.Percent(Format.Ratio(time, compile)),
                suite.IsOurs ? "" : Format.Times(Format.Ratio(oursTime, time)),
                bound + Format.Seconds(ResultReport.TotalLogged(projects, suite)),
                results.All(r => r.CallbackCpu is not null) ? bound + Format.Seconds(results.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.CallbackCpu!.Value)) : "",
                Format.Count(results.Sum(r => r.FindingCount)), Format.Count(results.Sum(r => r.Exceptions.Length)),
                Format.Megabytes(results.Max(r => r.PeakHeapAboveBaseline)), Format.Megabytes(results.Max(r => r.Kept)), Format.Megabytes(results.Sum(r => r.Allocated)));
        }

        text.AppendLine(totals.ToString());
        text.AppendLine("CPU time: what the suite adds to the run of the analyzer driver alone (one core, median of the runs, summed over the projects). "
            + "Driver-logged time: the analyzers' own execution time as the driver logs it (AnalyzerTelemetryInfo.ExecutionTime, a wall clock). "
            + "In our callbacks: the CPU time of the threads inside our analyzers' callbacks (ours only: the peers register through contexts the benchmark does not time), "
            + "with the wall time they waited for summaries made on a fresh stack (a call at the depth bound continues on another thread). "
            + "Compiler: parsing, binding and emitting with no analyzer. "
            + "Binding floor: an analyzer that binds every method body to operations and builds its control flow graph, and does nothing else (what any analysis of every body's operations pays before it starts). "
            + "Peak heap growth: the most the managed heap grew during one project's run. "
            + "Kept after the run: the most the heap still held above where it started once a project's run was over, the driver still alive "
            + "(what the suite keeps for a compilation while it is analysed, as in the IDE between keystrokes; the compiler's own caches included). "
            + "≥: a run was cancelled at the time limit.").AppendLine();

        var headers = new[] { "Project", "Lines", "Compile" }
            .Concat(result.Suites.SelectMany(s => new[] { s.Name, "÷ compile" }))
            .Append("Our findings").Append("Runs").ToArray();
        var table = new MarkdownTable(headers);
        foreach (var project in projects)
        {
            var cells = new[] { project.Project.Name, Format.Count(project.Project.LineCount), Format.Seconds(project.Compile) }
                .Concat(result.Suites.SelectMany(s => Cells(project, s)))
                .Append(Format.Count(project.For(ours)!.FindingCount))
                .Append(string.Join("/", result.Suites.Select(s => project.For(s)!.Runs)))
                .ToArray();
            table.Row(cells);
        }

        text.AppendLine(table.ToString());
        text.AppendLine("Runs: how many measured runs each median has, per suite in column order (a suite slower than the repeat limit runs once).").AppendLine();
        Work(text, projects.Select(p => p.For(ours)!.Work), projects.Sum(p => p.FloorBodies ?? 0));
        FindingsByRule(text, projects.Select(p => p.For(ours)!));
    }

    /// <summary>Our engine's work summed over the projects: the counts docs/benchmark.md reads the cost from.</summary>
    private static void Work(StringBuilder text, IEnumerable<Flow.WorkCount?> counts, int allBodies)
    {
        var all = counts.ToList();
        if (all.Any(c => c is null))
        {
            return;
        }

        var sum = all.Aggregate(default(Flow.WorkCount), (total, count) => total + count!.Value);
        var levelShare = Format.Percent((double)sum.LevelSummaries / System.Math.Max(1, sum.Summaries));
        text.AppendLine($"Our engine's work over the projects (last run of each): {Format.Count(sum.Roots)} bodies analysed for their own diagnostics, "
            + $"{Format.Count(sum.Bodies)} bodies bound, {Format.Count(sum.Summaries)} flow analyses "
            + $"({Format.Count(sum.LevelSummaries)} of them, {levelShare}, at field levels 0 and 1, made only for field values), "
            + $"{Format.Count(sum.FieldValues)} field values, {Format.Count(sum.MemberQuestions)} member index searches, "
            + $"{Format.Count(sum.FreshStacks)} summaries made on a fresh stack ({Format.Seconds(sum.FreshStackTime)} waited for them)."
            + (allBodies > 0
                ? $" The binding floor graphed {Format.Count(allBodies)} method bodies: ours bound {Format.Percent((double)sum.Bodies / allBodies)} of that number."
                : ""))
            .AppendLine();
    }

    public static void FindingsByRule(StringBuilder text, IEnumerable<SuiteResult> results)
    {
        var byRule = results.SelectMany(r => r.Findings).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        text.Append("Our findings by rule: ");
        text.AppendLine(byRule.Count == 0 ? "none." : string.Join(", ", byRule.Select(g => $"{g.Key} {g.Count()}")) + ".");
        text.AppendLine();
    }

    private static IEnumerable<string> Cells(ProjectResult project, AnalyzerSuite suite)
    {
        var result = project.For(suite)!;
        var bound = ResultReport.Bound(result.TimedOut);
        yield return bound + Format.Seconds(result.AddedCpu);
        yield return bound + Format.Percent(Format.Ratio(result.AddedCpu, project.Compile));
    }
}
