using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Benchmarks.Corpus;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// Measures one project. Per run: the compiler alone, the driver alone, when asked the binding floor, then
/// each suite on a fresh compilation of the same syntax trees. A suite whose first run exceeds the repeat
/// limit is not run again, and a run that exceeds the time limit is cancelled, so one slow analyzer cannot
/// stretch the benchmark without bound; the report says how many runs each median has and which are lower
/// bounds.
/// </summary>
internal static class ProjectBenchmark
{
    public static async Task<ProjectResult> MeasureAsync(CorpusProject project, IReadOnlyList<AnalyzerSuite> suites, RunLimits limits,
        TextWriter log, CancellationToken cancellationToken, bool withFloor = false)
    {
        var compiles = new List<CompileRun>();
        var drivers = new List<TimeSpan>();
        var floors = new List<TimeSpan>();
        var floorBodies = 0;
        var suiteRuns = suites.ToDictionary(s => s, _ => new List<(SuiteRun, TimeSpan)>());
        for (var run = 0; run < limits.Runs; run++)
        {
            var compile = CompileRun.Measure(project);
            compiles.Add(compile);
            var driver = await SuiteRun.MeasureAsync(CorpusCompilation.Create(project, compile.Trees), DriverBaseline.Suite, limits.TimeLimit, cancellationToken).ConfigureAwait(false);
            drivers.Add(driver.Cpu);
            log.Write($"    run {run + 1}: compile {compile.Cpu.TotalSeconds:F1} s, driver {driver.Cpu.TotalSeconds:F1} s");
            if (withFloor)
            {
                BindingFloor.TakeBodies();
                var floor = await SuiteRun.MeasureAsync(CorpusCompilation.Create(project, compile.Trees), BindingFloor.Suite, limits.TimeLimit, cancellationToken).ConfigureAwait(false);
                floorBodies = BindingFloor.TakeBodies();
                if (!floor.Exceptions.IsEmpty)
                {
                    throw new InvalidOperationException($"The binding floor failed on {project.Name}: {floor.Exceptions[0]}");
                }

                floors.Add(floor.Cpu - driver.Cpu);
                log.Write($", binding floor {(floor.Cpu - driver.Cpu).TotalSeconds:F2} s ({floorBodies} bodies)");
            }

            foreach (var suite in suites)
            {
                var previous = suiteRuns[suite];
                if (previous.Count > 0 && previous[0].Item1.Wall > limits.RepeatLimit)
                {
                    continue;
                }

                var result = await SuiteRun.MeasureAsync(CorpusCompilation.Create(project, compile.Trees), suite, limits.TimeLimit, cancellationToken).ConfigureAwait(false);
                previous.Add((result, driver.Cpu));
                log.Write($", {suite.Name} {(result.Cpu - driver.Cpu).TotalSeconds:F2} s{(result.CallbackCpu is { } callbacks ? $" ({callbacks.TotalSeconds:F2} s in callbacks)" : "")}"
                    + $" (GC {result.GcPause.TotalSeconds:F2} s in {result.Collections} collections, driver's {driver.GcPause.TotalSeconds:F2} s){(result.TimedOut ? " (timed out)" : "")}"
                    + (result.Work is { } work ? $" ({work.Summaries} flow analyses, {work.LevelSummaries} at field levels, {work.FieldValues} field values)" : ""));
            }

            log.WriteLine();
        }

        var results = suites.Select(s => SuiteResult.From(s, suiteRuns[s])).ToImmutableArray();
        return new ProjectResult(project, Median.Of(compiles.Select(c => c.Cpu)), Median.Of(compiles.Select(c => c.Wall)), Median.Of(drivers),
            compiles[^1].Errors, results)
        {
            Floor = withFloor ? Median.Of(floors) : null,
            FloorBodies = withFloor ? floorBodies : null,
        };
    }
}
