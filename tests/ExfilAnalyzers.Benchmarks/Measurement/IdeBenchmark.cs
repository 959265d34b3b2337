using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Benchmarks.Corpus;
using ExfilAnalyzers.Benchmarks.Generated;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// The IDE case on the largest generated compilation: several service files, spread over the modules, each
/// edited once (one more line, which reads a symbol name), each edit re-analysed by the driver alone and by
/// every suite, each on its own fresh copy of the edited compilation. The first edit is a warm-up. Then the
/// next keystroke in the same file (a second line), re-analysed the same way: what typing on costs once
/// the file has been analysed, when what was learnt about the unchanged files can be reused.
/// </summary>
internal static class IdeBenchmark
{
    public const string Insertion = "\n        _recent.Add(symbol.Name + \"*\");";

    public const string NextKeystroke = "\n        _recent.Add(symbol.Kind + \"*\");";

    public static async Task<ImmutableArray<IdeResult>> MeasureAsync(CorpusProject project, int modules, IReadOnlyList<AnalyzerSuite> suites, int edits,
        TextWriter log, CancellationToken cancellationToken)
    {
        var trees = CorpusCompilation.Parse(project);
        var compilation = CorpusCompilation.Create(project, trees);
        compilation.GetDeclarationDiagnostics(cancellationToken);

        // The session starts from nothing, as a freshly opened solution: the warm-up edit is our first analysis. What
        // the runs before left would otherwise differ by mode: in a full run the peers' whole-compilation runs come
        // last and forget it, while with --ours-only our own run of this corpus comes last and is carried.
        EngineMemory.Forget();

        var runs = suites.ToDictionary(s => s, _ => new List<(EditedFileRun, TimeSpan, TimeSpan)>());
        var keystrokes = suites.ToDictionary(s => s, _ => new List<(EditedFileRun, TimeSpan, TimeSpan)>());
        for (var edit = 0; edit <= edits; edit++)
        {
            var module = EditedModule(edit, edits, modules);
            var path = GeneratedCorpus.ServicePath(module);
            var original = trees.First(t => t.FilePath == path);
            var edited = EditedFileRun.Edit(original, ServiceTemplate.EditPoint, Insertion);
            var compilerOnly = EditedFileRun.CompilerOnly(compilation, original, edited, cancellationToken);
            var driver = await EditedFileRun.MeasureAsync(compilation, original, edited, DriverBaseline.Suite, cancellationToken).ConfigureAwait(false);
            log.Write($"    {(edit == 0 ? "warm-up edit" : "edit " + edit)} in {path}: compiler {compilerOnly.TotalMilliseconds:F0} ms, driver {driver.Cpu.TotalMilliseconds:F0} ms");
            var next = EditedFileRun.Edit(edited, ServiceTemplate.EditPoint, NextKeystroke);
            var nextCompilerOnly = EditedFileRun.CompilerOnly(compilation, original, next, cancellationToken);
            var nextDriver = await EditedFileRun.MeasureAsync(compilation, original, next, DriverBaseline.Suite, cancellationToken).ConfigureAwait(false);
            foreach (var suite in suites)
            {
                var before = Flow.WorkCounters.Read();
                var run = await EditedFileRun.MeasureAsync(compilation, original, edited, suite, cancellationToken).ConfigureAwait(false);
                var between = Flow.WorkCounters.Read();
                var keystroke = await EditedFileRun.MeasureAsync(compilation, original, next, suite, cancellationToken).ConfigureAwait(false);
                log.Write($", {suite.Name} {(run.Cpu - driver.Cpu).TotalMilliseconds:F0} ms then {(keystroke.Cpu - nextDriver.Cpu).TotalMilliseconds:F0} ms");
                if (suite.IsOurs)
                {
                    // Counts, unlike times, do not move with the machine: what the edit and the keystroke cost in work.
                    var (first, second) = (between - before, Flow.WorkCounters.Read() - between);
                    log.Write($" ({first.Bodies} and {second.Bodies} bodies bound, {first.Summaries} and {second.Summaries} flow analyses)");
                }
                if (edit > 0)
                {
                    runs[suite].Add((run, driver.Cpu, compilerOnly));
                    keystrokes[suite].Add((keystroke, nextDriver.Cpu, nextCompilerOnly));
                }
            }

            log.WriteLine();
        }

        return suites.Select(s => IdeResult.From(s, runs[s], keystrokes[s])).ToImmutableArray();
    }

    /// <summary>
    /// The module whose service the edit types in: spread over the corpus, and with its number's residue
    /// modulo 12 the edit's own, so that successive edits take every kind of service in turn (which flows
    /// a service has depends on its number modulo 3 and modulo 4) in the generator's proportions.
    /// </summary>
    internal static int EditedModule(int edit, int edits, int modules)
    {
        var spread = edit * modules / (edits + 1) / 12 * 12;
        return Math.Min(modules - 1, spread + (edit % 12));
    }
}
