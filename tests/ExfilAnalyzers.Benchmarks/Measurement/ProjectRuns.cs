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
/// The runs of one project, measured one at a time and gathered into a <see cref="ProjectResult"/>. One run:
/// the compiler alone, the driver alone, when asked the binding floor, then each suite on a fresh compilation
/// of the same syntax trees. A suite whose first run exceeds the repeat limit is not run again, and a run that
/// exceeds the time limit is cancelled, so one slow analyzer cannot stretch the benchmark without bound.
/// </summary>
internal sealed class ProjectRuns
{
    private readonly IReadOnlyList<AnalyzerSuite> _suites;
    private readonly RunLimits _limits;
    private readonly bool _withFloor;
    private readonly List<CompileRun> _compiles = new();
    private readonly List<TimeSpan> _drivers = new();
    private readonly List<TimeSpan> _floors = new();
    private readonly Dictionary<AnalyzerSuite, List<(SuiteRun, TimeSpan)>> _suiteRuns;
    private int _floorBodies;

    public ProjectRuns(CorpusProject project, IReadOnlyList<AnalyzerSuite> suites, RunLimits limits, bool withFloor)
    {
        Project = project;
        _suites = suites;
        _limits = limits;
        _withFloor = withFloor;
        _suiteRuns = suites.ToDictionary(s => s, _ => new List<(SuiteRun, TimeSpan)>());
    }

    public CorpusProject Project { get; }

    /// <summary>Measures one more run; <paramref name="label"/> starts its line in the log.</summary>
    public async Task MeasureRunAsync(string label, TextWriter log, CancellationToken cancellationToken)
    {
        var compile = CompileRun.Measure(Project);
        _compiles.Add(compile);
        var driver = await SuiteRun.MeasureAsync(CorpusCompilation.Create(Project, compile.Trees), DriverBaseline.Suite, _limits.TimeLimit, cancellationToken).ConfigureAwait(false);
        _drivers.Add(driver.Cpu);
        log.Write($"    {label}: compile {compile.Cpu.TotalSeconds:F1} s, driver {driver.Cpu.TotalSeconds:F1} s");
        if (_withFloor)
        {
            BindingFloor.TakeBodies();
            var floor = await SuiteRun.MeasureAsync(CorpusCompilation.Create(Project, compile.Trees), BindingFloor.Suite, _limits.TimeLimit, cancellationToken).ConfigureAwait(false);
            _floorBodies = BindingFloor.TakeBodies();
            if (!floor.Exceptions.IsEmpty)
            {
                throw new InvalidOperationException($"The binding floor failed on {Project.Name}: {floor.Exceptions[0]}");
            }

            _floors.Add(floor.Cpu - driver.Cpu);
            log.Write($", binding floor {(floor.Cpu - driver.Cpu).TotalSeconds:F2} s ({_floorBodies} bodies)");
        }

        foreach (var suite in _suites)
        {
            var previous = _suiteRuns[suite];
            if (previous.Count > 0 && previous[0].Item1.Wall > _limits.RepeatLimit)
            {
                continue;
            }

            var result = await SuiteRun.MeasureAsync(CorpusCompilation.Create(Project, compile.Trees), suite, _limits.TimeLimit, cancellationToken).ConfigureAwait(false);
            previous.Add((result, driver.Cpu));
            log.Write($", {suite.Name} {(result.Cpu - driver.Cpu).TotalSeconds:F2} s{(result.CallbackCpu is { } callbacks ? $" ({callbacks.TotalSeconds:F2} s in callbacks)" : "")}"
                + $" (GC {result.GcPause.TotalSeconds:F2} s in {result.Collections} collections, driver's {driver.GcPause.TotalSeconds:F2} s){(result.TimedOut ? " (timed out)" : "")}"
                + (result.Work is { } work ? $" ({work.Summaries} flow analyses, {work.LevelSummaries} at field levels, {work.FieldValues} field values)" : ""));
        }

        log.WriteLine();
    }

    /// <summary>The medians of the runs measured so far (at least one).</summary>
    public ProjectResult Result()
    {
        var results = _suites.Select(s => SuiteResult.From(s, _suiteRuns[s])).ToImmutableArray();
        return new ProjectResult(Project, Median.Of(_compiles.Select(c => c.Cpu)), Median.Of(_compiles.Select(c => c.Wall)), Median.Of(_drivers),
            _compiles[^1].Errors, results)
        {
            Floor = _withFloor ? Median.Of(_floors) : null,
            FloorBodies = _withFloor ? _floorBodies : null,
        };
    }
}
