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
/// The IDE case on the largest generated compilation: several service files, spread over the modules,
/// each edited once (a line that sends nothing but reads a symbol name), each edit re-analysed by every
/// suite. The first edit is a warm-up and is not counted.
/// </summary>
internal static class IdeBenchmark
{
    public const string Insertion = "\n        _recent.Add(symbol.Name + \"*\");";

    public static async Task<ImmutableArray<IdeResult>> MeasureAsync(CorpusProject project, int modules, IReadOnlyList<AnalyzerSuite> suites, int edits,
        TextWriter log, CancellationToken cancellationToken)
    {
        var trees = CorpusCompilation.Parse(project);
        var compilation = CorpusCompilation.Create(project, trees);
        compilation.GetDeclarationDiagnostics(cancellationToken);

        var runs = suites.ToDictionary(s => s, _ => new List<EditedFileRun>());
        for (var edit = 0; edit <= edits; edit++)
        {
            var module = (edit * modules / (edits + 1)) + (edit % 4);
            var path = GeneratedCorpus.ServicePath(module);
            var tree = trees.First(t => t.FilePath == path);
            foreach (var suite in suites)
            {
                var run = await EditedFileRun.MeasureAsync(compilation, tree, ServiceTemplate.EditPoint, Insertion, suite, cancellationToken).ConfigureAwait(false);
                if (edit > 0)
                {
                    runs[suite].Add(run);
                }
            }

            log.WriteLine(edit == 0 ? $"    warm-up edit in {path}" : $"    edit {edit} in {path}");
        }

        return suites.Select(s => IdeResult.From(s, runs[s])).ToImmutableArray();
    }
}
