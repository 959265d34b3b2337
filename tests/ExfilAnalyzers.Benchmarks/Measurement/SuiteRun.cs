using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// One run of one analyzer suite over a fresh compilation, the way the compiler runs analyzers: the
/// analyzers' own time as the driver logs it (AnalyzerTelemetryInfo.ExecutionTime), the wall time of the
/// whole run (which includes the compiler binding what the analyzers ask for), findings and memory.
/// </summary>
internal sealed record SuiteRun(
    TimeSpan AnalyzerTime,
    TimeSpan Wall,
    ImmutableDictionary<string, TimeSpan> TimeByAnalyzer,
    ImmutableArray<Diagnostic> Findings,
    ImmutableArray<string> Exceptions,
    long PeakHeap,
    long BaselineHeap,
    long Allocated)
{
    public static async Task<SuiteRun> MeasureAsync(Compilation compilation, AnalyzerSuite suite, CancellationToken cancellationToken)
    {
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);

        var memory = MemoryProbe.Start();
        var clock = Stopwatch.StartNew();
        var withAnalyzers = compilation.WithAnalyzers(suite.Analyzers, options);
        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            memory.Dispose();
        }

        var wall = clock.Elapsed;
        return await CollectAsync(withAnalyzers, suite, diagnostics, wall, exceptions, memory, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<SuiteRun> CollectAsync(CompilationWithAnalyzers withAnalyzers, AnalyzerSuite suite, ImmutableArray<Diagnostic> diagnostics,
        TimeSpan wall, ConcurrentBag<string> exceptions, MemoryProbe memory, CancellationToken cancellationToken)
    {
        var byAnalyzer = ImmutableDictionary.CreateBuilder<string, TimeSpan>();
        var total = TimeSpan.Zero;
        foreach (var analyzer in suite.Analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
            var name = analyzer.GetType().Name;
            byAnalyzer[name] = byAnalyzer.GetValueOrDefault(name) + telemetry.ExecutionTime;
            total += telemetry.ExecutionTime;
        }

        foreach (var failure in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Add(failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        var findings = diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray();
        return new SuiteRun(total, wall, byAnalyzer.ToImmutable(), findings, exceptions.Distinct().ToImmutableArray(),
            memory.PeakHeap, memory.BaselineHeap, memory.Allocated);
    }
}
