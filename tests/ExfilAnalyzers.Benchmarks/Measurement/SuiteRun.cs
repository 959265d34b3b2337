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
/// One run of one analyzer suite over a fresh compilation, the way the compiler runs analyzers, on one
/// thread: the analyzers' own time as the driver logs it (AnalyzerTelemetryInfo.ExecutionTime), the CPU
/// time and wall time of the whole run (which include the compiler binding the compilation), findings and
/// memory. Our analyzers also run inside a <see cref="TimedAnalyzer"/>, for the CPU time of their callbacks
/// (null for the peers), the units of work our engine counted (<see cref="Flow.WorkCounters"/>; null for the
/// peers), and the time the garbage collector paused the process and the collections it made. Kept: what the
/// heap still holds above where it started once the run is over, while the driver, with what the suite keeps for
/// the compilation, is still alive. Each run starts after a full collection, so it is charged for its own
/// collections only. A run that exceeds the time limit is cancelled and marked,
/// its times being lower bounds.
/// </summary>
internal sealed record SuiteRun(
    TimeSpan LoggedTime,
    TimeSpan Cpu,
    TimeSpan? CallbackCpu,
    Flow.WorkCount? Work,
    TimeSpan GcPause,
    GcCollections Collections,
    TimeSpan Wall,
    bool TimedOut,
    ImmutableDictionary<string, TimeSpan> TimeByAnalyzer,
    ImmutableArray<Diagnostic> Findings,
    ImmutableArray<string> Exceptions,
    long PeakHeap,
    long BaselineHeap,
    long Allocated,
    long Kept)
{
    public static async Task<SuiteRun> MeasureAsync(Compilation compilation, AnalyzerSuite suite, TimeSpan limit, CancellationToken cancellationToken)
    {
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        // A whole-compilation run is a build: nothing learnt from an earlier compilation of the same project
        // (the models bound to its references, its relevance graph, its dispatch indexes) may make it cheaper.
        EngineMemory.Forget();
        FullCollection.Now();
        var callbacks = suite.IsOurs ? new CallbackClock() : null;
        var analyzers = callbacks is null ? suite.Analyzers : suite.Analyzers.Select(a => (DiagnosticAnalyzer)new TimedAnalyzer(a, callbacks)).ToImmutableArray();
        var work = Flow.WorkCounters.Read();
        var memory = MemoryProbe.Start();
        var gcPause = GC.GetTotalPauseDuration();
        var collections = GcCollections.Now();
        var cpu = ProcessorTime.Now();
        var clock = Stopwatch.StartNew();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        var timedOut = false;
        try
        {
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
        }
        finally
        {
            memory.Dispose();
        }

        var wall = clock.Elapsed;
        cpu = ProcessorTime.Now() - cpu;
        work = Flow.WorkCounters.Read() - work;
        gcPause = GC.GetTotalPauseDuration() - gcPause;
        collections = GcCollections.Now() - collections;
        // What the suite keeps for the compilation while the driver holds it (as the IDE does between
        // keystrokes), measured after the timed part: the next run would make this collection anyway.
        var kept = GC.GetTotalMemory(forceFullCollection: true) - memory.BaselineHeap;
        GC.KeepAlive(withAnalyzers);
        var byAnalyzer = ImmutableDictionary.CreateBuilder<string, TimeSpan>();
        var logged = timedOut ? wall : TimeSpan.Zero;
        foreach (var analyzer in timedOut ? ImmutableArray<DiagnosticAnalyzer>.Empty : analyzers)
        {
            var time = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime;
            var name = ((analyzer as TimedAnalyzer)?.Inner ?? analyzer).GetType().Name;
            byAnalyzer[name] = byAnalyzer.GetValueOrDefault(name) + time;
            logged += time;
        }

        foreach (var failure in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Add(failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        // A summary made on a fresh stack runs on a thread the callback clock does not time: the wall time its
        // caller waited for it stands for it (the caller's thread is idle meanwhile, so this errs high).
        return new SuiteRun(logged, cpu, callbacks is null ? null : callbacks.Total + work.FreshStackTime, suite.IsOurs ? work : null, gcPause, collections, wall, timedOut, byAnalyzer.ToImmutable(), diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(),
            exceptions.Distinct().ToImmutableArray(), memory.PeakHeap, memory.BaselineHeap, memory.Allocated, kept);
    }
}
