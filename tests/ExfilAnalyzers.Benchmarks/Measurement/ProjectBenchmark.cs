using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Benchmarks.Corpus;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>Measures projects: one after another, or interleaved run by run when they are compared with each other.</summary>
internal static class ProjectBenchmark
{
    /// <summary>Every run of one project, then its result.</summary>
    public static async Task<ProjectResult> MeasureAsync(CorpusProject project, IReadOnlyList<AnalyzerSuite> suites, RunLimits limits,
        TextWriter log, CancellationToken cancellationToken, bool withFloor = false)
    {
        var runs = new ProjectRuns(project, suites, limits, withFloor);
        for (var run = 0; run < limits.Runs; run++)
        {
            await runs.MeasureRunAsync($"run {run + 1}", log, cancellationToken).ConfigureAwait(false);
        }

        return runs.Result();
    }

    /// <summary>
    /// Projects whose results are divided by each other (the sizes of a series): round after round, one run of
    /// each. The machine's speed drifts over minutes (the same work took twice as long within an hour), and
    /// measuring all runs of one size before the next put a slow spell into one size only, which moved the
    /// growth factors between them; interleaved, a spell falls on every size alike.
    /// </summary>
    public static async Task<ImmutableArray<ProjectResult>> MeasureInterleavedAsync(IReadOnlyList<CorpusProject> projects, IReadOnlyList<AnalyzerSuite> suites,
        RunLimits limits, TextWriter log, CancellationToken cancellationToken)
    {
        var runs = projects.Select(p => new ProjectRuns(p, suites, limits, withFloor: false)).ToList();
        for (var round = 0; round < limits.Runs; round++)
        {
            log.WriteLine($"  round {round + 1} of {limits.Runs}");
            foreach (var project in runs)
            {
                await project.MeasureRunAsync(project.Project.Name, log, cancellationToken).ConfigureAwait(false);
            }
        }

        return runs.Select(r => r.Result()).ToImmutableArray();
    }
}
