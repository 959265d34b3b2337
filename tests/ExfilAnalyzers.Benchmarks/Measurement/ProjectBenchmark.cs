using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Benchmarks.Corpus;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// Measures one project: per run, the compiler alone, then each suite on a fresh compilation of the same
/// syntax trees. A suite whose first run exceeds the repeat limit is not run again, so one slow analyzer
/// cannot stretch the benchmark without bound; the report says how many runs each median has.
/// </summary>
internal static class ProjectBenchmark
{
    public static async Task<ProjectResult> MeasureAsync(CorpusProject project, IReadOnlyList<AnalyzerSuite> suites, int runs, TimeSpan repeatLimit,
        TextWriter log, CancellationToken cancellationToken)
    {
        var compiles = new List<CompileRun>();
        var suiteRuns = new Dictionary<AnalyzerSuite, List<SuiteRun>>();
        foreach (var suite in suites)
        {
            suiteRuns[suite] = new List<SuiteRun>();
        }

        for (var run = 0; run < runs; run++)
        {
            var compile = CompileRun.Measure(project);
            compiles.Add(compile);
            log.Write($"    run {run + 1}: compile {compile.Total.TotalSeconds:F1} s");
            foreach (var suite in suites)
            {
                var previous = suiteRuns[suite];
                if (previous.Count > 0 && previous[0].Wall > repeatLimit)
                {
                    continue;
                }

                var result = await SuiteRun.MeasureAsync(CorpusCompilation.Create(project, compile.Trees), suite, cancellationToken).ConfigureAwait(false);
                previous.Add(result);
                log.Write($", {suite.Name} {result.AnalyzerTime.TotalSeconds:F1} s");
            }

            log.WriteLine();
        }

        var results = ImmutableArray.CreateBuilder<SuiteResult>();
        foreach (var suite in suites)
        {
            results.Add(SuiteResult.From(suite, suiteRuns[suite]));
        }

        return ProjectResult.From(project, compiles, results.ToImmutable());
    }
}
