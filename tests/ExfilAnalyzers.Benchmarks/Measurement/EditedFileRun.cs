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
/// The IDE case for one suite and one edit: the edited file replaces the original in the large compilation,
/// and the suite re-analyses that file alone, on a fresh CompilationWithAnalyzers, as the IDE's diagnostic
/// service does after a keystroke. CPU and wall include the compiler binding the file.
/// </summary>
internal sealed record EditedFileRun(TimeSpan Cpu, TimeSpan Wall, TimeSpan LoggedTime, int Findings, ImmutableArray<string> Exceptions)
{
    public static SyntaxTree Edit(SyntaxTree tree, string anchor, string insertion)
    {
        var text = tree.GetText();
        var position = text.ToString().IndexOf(anchor, StringComparison.Ordinal);
        return position < 0
            ? throw new InvalidOperationException($"{tree.FilePath} has no '{anchor}' to edit after.")
            : tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(position + anchor.Length, 0), insertion)));
    }

    /// <summary>The compiler alone: the edited file's semantic diagnostics on a fresh copy of the edited compilation.</summary>
    public static TimeSpan CompilerOnly(Compilation compilation, SyntaxTree original, SyntaxTree edited, CancellationToken cancellationToken)
    {
        var editedCompilation = compilation.ReplaceSyntaxTree(original, edited);
        FullCollection.Now();
        var cpu = ProcessorTime.Now();
        editedCompilation.GetSemanticModel(edited).GetDiagnostics(cancellationToken: cancellationToken);
        return ProcessorTime.Now() - cpu;
    }

    public static async Task<EditedFileRun> MeasureAsync(Compilation compilation, SyntaxTree original, SyntaxTree edited, AnalyzerSuite suite,
        CancellationToken cancellationToken)
    {
        var editedCompilation = compilation.ReplaceSyntaxTree(original, edited);
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);

        FullCollection.Now();
        var cpu = ProcessorTime.Now();
        var clock = Stopwatch.StartNew();
        var withAnalyzers = editedCompilation.WithAnalyzers(suite.Analyzers, options);
        var model = editedCompilation.GetSemanticModel(edited);
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, cancellationToken).ConfigureAwait(false);
        var wall = clock.Elapsed;
        cpu = ProcessorTime.Now() - cpu;

        var logged = TimeSpan.Zero;
        foreach (var analyzer in suite.Analyzers)
        {
            logged += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)).ExecutionTime;
        }

        return new EditedFileRun(cpu, wall, logged, diagnostics.Count(d => d.Id != "AD0001"), exceptions.Distinct().ToImmutableArray());
    }
}
