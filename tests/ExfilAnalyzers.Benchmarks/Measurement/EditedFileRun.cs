using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// The IDE case: one file of a large compilation is edited, and the analyzers re-analyse that file alone,
/// on the new compilation and a fresh CompilationWithAnalyzers, as the IDE's diagnostic service does.
/// Wall is what the user waits for (the compiler binds the file too); AnalyzerTime is the analyzers' share.
/// </summary>
internal sealed record EditedFileRun(TimeSpan Wall, TimeSpan AnalyzerTime, TimeSpan CompilerOnly, int Findings, ImmutableArray<string> Exceptions)
{
    public static async Task<EditedFileRun> MeasureAsync(Compilation compilation, SyntaxTree tree, string anchor, string insertion, AnalyzerSuite suite,
        CancellationToken cancellationToken)
    {
        var text = await tree.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var position = text.ToString().IndexOf(anchor, StringComparison.Ordinal);
        if (position < 0)
        {
            throw new InvalidOperationException($"{tree.FilePath} has no '{anchor}' to edit after.");
        }

        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(position + anchor.Length, 0), insertion)));
        var editedCompilation = compilation.ReplaceSyntaxTree(tree, edited);

        // What the compiler alone needs for the file: its semantic diagnostics on a compilation of its own.
        var clock = Stopwatch.StartNew();
        editedCompilation.Clone().GetSemanticModel(edited).GetDiagnostics(cancellationToken: cancellationToken);
        var compilerOnly = clock.Elapsed;

        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        clock.Restart();
        var withAnalyzers = editedCompilation.WithAnalyzers(suite.Analyzers, options);
        var model = editedCompilation.GetSemanticModel(edited);
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, cancellationToken).ConfigureAwait(false);
        var wall = clock.Elapsed;

        var analyzerTime = TimeSpan.Zero;
        foreach (var analyzer in suite.Analyzers)
        {
            analyzerTime += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime;
        }

        var findings = diagnostics.Count(d => d.Id != "AD0001");
        return new EditedFileRun(wall, analyzerTime, compilerOnly, findings, exceptions.Distinct().ToImmutableArray());
    }
}
