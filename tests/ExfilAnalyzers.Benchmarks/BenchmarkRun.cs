using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Benchmarks.Corpus;
using ExfilAnalyzers.Benchmarks.Generated;
using ExfilAnalyzers.Benchmarks.Inputs;
using ExfilAnalyzers.Benchmarks.Measurement;
using ExfilAnalyzers.Benchmarks.Report;

namespace ExfilAnalyzers.Benchmarks;

/// <summary>The whole benchmark, in one process: warm-up, real corpus, scaling series, IDE case, call chains and call sites, report.</summary>
internal sealed class BenchmarkRun
{
    /// <summary>The corpus packages measured in quick mode: the telemetry SDKs and the repository library.</summary>
    private static readonly string[] QuickPackages = { "Microsoft.ApplicationInsights", "LibGit2Sharp" };

    private readonly BenchmarkOptions _options;
    private readonly TextWriter _log;

    public BenchmarkRun(BenchmarkOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
    }

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var inputs = BenchmarkInputs.Load();
        var catalog = new ReferenceCatalog(inputs);
        var loadErrors = new List<string>();
        var suites = _options.OursOnly
            ? ImmutableArray.Create(AnalyzerSuites.Ours())
            : ImmutableArray.Create(AnalyzerSuites.Ours(), AnalyzerSuites.NetAnalyzersTaint(inputs, loadErrors), AnalyzerSuites.SecurityCodeScan(inputs, loadErrors));
        foreach (var error in loadErrors)
        {
            _log.WriteLine("  analyzer load error: " + error);
        }

        _log.WriteLine("Warm-up (generated 1×, every suite once, not counted)");
        await ProjectBenchmark.MeasureAsync(GeneratedCorpus.Create(1, catalog), suites, RunLimits.Once, _log, cancellationToken).ConfigureAwait(false);

        var real = ImmutableArray<ProjectResult>.Empty;
        var realEdits = ImmutableArray<RealEditResult>.Empty;
        if (!_options.SkipReal)
        {
            (real, realEdits) = await MeasureRealAsync(inputs, suites, cancellationToken).ConfigureAwait(false);
        }

        var scaling = ImmutableArray<ProjectResult>.Empty;
        var ide = ImmutableArray<IdeResult>.Empty;
        if (!_options.SkipGenerated)
        {
            (scaling, ide) = await MeasureGeneratedAsync(catalog, suites, cancellationToken).ConfigureAwait(false);
        }

        var calls = ImmutableArray<CallSeriesResult>.Empty;
        if (!_options.SkipCallSeries)
        {
            calls = await MeasureCallSeriesAsync(catalog, suites.First(s => s.IsOurs), cancellationToken).ConfigureAwait(false);
        }

        var environment = RunEnvironment.Describe(_options, clock.Elapsed);
        return new BenchmarkResult(_options, environment, suites, real, realEdits, _options.Scales, scaling, ide, calls);
    }

    private async Task<(ImmutableArray<ProjectResult> Scaling, ImmutableArray<IdeResult> Ide)> MeasureGeneratedAsync(ReferenceCatalog catalog,
        ImmutableArray<AnalyzerSuite> suites, CancellationToken cancellationToken)
    {
        var projects = new List<CorpusProject>();
        foreach (var scale in _options.Scales)
        {
            var project = GeneratedCorpus.Create(scale, catalog);
            _log.WriteLine($"Generated {scale}×: {Format.Count(project.Files.Length)} files, {Format.Count(project.LineCount)} lines");
            projects.Add(project);
        }

        var scaling = await ProjectBenchmark.MeasureInterleavedAsync(projects, suites, _options.ScalingLimits, _log, cancellationToken).ConfigureAwait(false);

        var largest = _options.Scales[^1];
        _log.WriteLine($"IDE case in the generated {largest}× compilation");
        var ide = await IdeBenchmark.MeasureAsync(GeneratedCorpus.Create(largest, catalog), GeneratedCorpus.ModulesPerScale * largest, suites, _options.Edits,
            _log, cancellationToken).ConfigureAwait(false);
        return (scaling, ide);
    }

    /// <summary>The interprocedural case: cost against the length of call chains, then against the number of call sites.</summary>
    private async Task<ImmutableArray<CallSeriesResult>> MeasureCallSeriesAsync(ReferenceCatalog catalog, AnalyzerSuite ours, CancellationToken cancellationToken)
    {
        var results = ImmutableArray.CreateBuilder<CallSeriesResult>();
        foreach (var series in new[] { CallSeriesCorpus.CallChains(_options.ChainLengths, catalog), CallSeriesCorpus.CallSites(_options.CallSiteCounts, catalog) })
        {
            _log.WriteLine(series.Title);
            results.Add(await CallSeriesBenchmark.MeasureAsync(series, ours, _options.Limits, _log, cancellationToken).ConfigureAwait(false));
        }

        return results.ToImmutable();
    }

    private async Task<(ImmutableArray<ProjectResult> Projects, ImmutableArray<RealEditResult> Edits)> MeasureRealAsync(BenchmarkInputs inputs,
        ImmutableArray<AnalyzerSuite> suites, CancellationToken cancellationToken)
    {
        if (_options.FreshCorpus && Directory.Exists(_options.CorpusCache))
        {
            Directory.Delete(_options.CorpusCache, recursive: true);
        }

        _log.WriteLine("Real corpus: decompiling (cached in " + _options.CorpusCache + ")");
        var projects = RealCorpus.Load(inputs, _options.CorpusCache, p => !_options.Quick || QuickPackages.Contains(p.Id, StringComparer.OrdinalIgnoreCase),
            _log, cancellationToken);
        var results = ImmutableArray.CreateBuilder<ProjectResult>();
        var edits = ImmutableArray.CreateBuilder<RealEditResult>();
        foreach (var project in projects)
        {
            _log.WriteLine($"  {project.Name}");
            results.Add(await ProjectBenchmark.MeasureAsync(project, suites, _options.Limits, _log, cancellationToken, withFloor: true).ConfigureAwait(false));
            if (!_options.SkipRealEdits)
            {
                edits.AddRange(await RealEditBenchmark.MeasureAsync(project, suites, _log, cancellationToken).ConfigureAwait(false));
            }
        }

        return (results.ToImmutable(), edits.ToImmutable());
    }
}
