using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Benchmarks.Generated;
using ExfilAnalyzers.Benchmarks.Report;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// Measures a call series like any project (compiler, driver alone, the suite, medians), its sizes interleaved run
/// by run, and checks each size's findings against the generator's. Ours only: the point is how our
/// interprocedural analysis grows, and one suite keeps the section to about a minute.
/// </summary>
internal static class CallSeriesBenchmark
{
    public const int MinimumRuns = 5;

    public static async Task<CallSeriesResult> MeasureAsync(CallSeries series, AnalyzerSuite ours, RunLimits limits, TextWriter log,
        CancellationToken cancellationToken)
    {
        // The sizes are small, so the JIT still tiering up the paths this series takes would show: one uncounted run first.
        log.WriteLine("  warm-up (largest size, not counted)");
        await ProjectBenchmark.MeasureAsync(series.Create(series.Sizes[^1]), new[] { ours }, RunLimits.Once, log, cancellationToken).ConfigureAwait(false);

        // Each size costs our analyzers well under a few seconds, so the difference between two runs of about the same
        // length (ours, and the driver alone) is noisy: more runs than elsewhere, which these sizes can afford.
        limits = limits with { Runs = Math.Max(limits.Runs, MinimumRuns) };
        var projects = series.Sizes.Select(series.Create).ToList();
        foreach (var project in projects)
        {
            log.WriteLine($"  {project.Name}: {Format.Count(project.Files.Length)} files, {Format.Count(project.LineCount)} lines");
        }

        var results = await ProjectBenchmark.MeasureInterleavedAsync(projects, new[] { ours }, limits, log, cancellationToken).ConfigureAwait(false);
        var points = ImmutableArray.CreateBuilder<CallSeriesPoint>();
        for (var i = 0; i < projects.Count; i++)
        {
            var (project, size, result) = (projects[i], series.Sizes[i], results[i]);
            if (result.CompileErrors > 0)
            {
                // The generator's code must compile: an error would change what the analyzer sees.
                throw new InvalidOperationException($"{project.Name} has {result.CompileErrors} compile errors.");
            }

            var findings = result.For(ours)!.Findings;
            var unitsWithOne = findings.GroupBy(series.UnitOf).Count(g => g.Key.Length > 0 && g.Count() == 1);
            points.Add(new CallSeriesPoint(size, result, series.ExpectedFindings(size), findings.Length, unitsWithOne));
        }

        return new CallSeriesResult(series, ours, points.ToImmutable());
    }
}
