using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// The IDE case on real code: in each project of the real corpus, three files (the median, the third quartile
/// and the fifth largest by length, of those with a method body, not generated) are analysed once as the IDE
/// opens them, then edited three times, each edit re-analysed alone as after a keystroke: a line typed in a method
/// body, a method added to a class (a new name), and an overload added to a method (a name that code already
/// mentions, so what its mentions bind to may change).
/// Each suite is measured, with the engine's work counted for ours: what a keystroke costs in code we did not write.
/// </summary>
internal static class RealEditBenchmark
{
    public const string BodyEdit = "a line typed in a method body";

    public const string DeclarationEdit = "a method added to a class";

    public const string OverloadEdit = "an overload added to a method";

    public static async Task<ImmutableArray<RealEditResult>> MeasureAsync(CorpusProject project, IReadOnlyList<AnalyzerSuite> suites, TextWriter log,
        CancellationToken cancellationToken)
    {
        var ours = suites.First(s => s.IsOurs);
        var trees = CorpusCompilation.Parse(project);
        var compilation = CorpusCompilation.Create(project, trees);
        compilation.GetDeclarationDiagnostics(cancellationToken);
        var results = ImmutableArray.CreateBuilder<RealEditResult>();
        foreach (var tree in EditedFiles(trees, cancellationToken))
        {
            var root = tree.GetRoot(cancellationToken);
            var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Body is not null);
            var type = root.DescendantNodes().OfType<TypeDeclarationSyntax>().First(t => t is ClassDeclarationSyntax or StructDeclarationSyntax);
            var edits = new[]
            {
                (BodyEdit, Insert(tree, method.Body!.OpenBraceToken.Span.End, "\n int exfilBenchmarkEdit = 1;")),
                (DeclarationEdit, Insert(tree, type.OpenBraceToken.Span.End, "\n public void ExfilBenchmarkEdit() { }")),
                (OverloadEdit, Insert(tree, method.Span.End, "\n" + Overload(method))),
            };

            // As the IDE opens the file: what our analyzers remember of the project between compilations is learnt here,
            // from nothing, as after the solution is loaded. Remembered from the whole-compilation runs, it would be of
            // other trees (the corpus is parsed again here) and not what an IDE session has.
            EngineMemory.Forget();
            foreach (var suite in suites)
            {
                await EditedFileRun.MeasureAsync(compilation, tree, tree, suite, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (name, edited) in edits)
            {
                var driver = await EditedFileRun.MeasureAsync(compilation, tree, edited, DriverBaseline.Suite, cancellationToken).ConfigureAwait(false);
                var before = Flow.WorkCounters.Read();
                var run = await EditedFileRun.MeasureAsync(compilation, tree, edited, ours, cancellationToken).ConfigureAwait(false);
                var work = Flow.WorkCounters.Read() - before;
                var peers = ImmutableArray.CreateBuilder<(string Suite, TimeSpan AddedCpu)>();
                foreach (var peer in suites.Where(s => !s.IsOurs))
                {
                    var peerRun = await EditedFileRun.MeasureAsync(compilation, tree, edited, peer, cancellationToken).ConfigureAwait(false);
                    peers.Add((peer.Name, peerRun.Cpu - driver.Cpu));
                }

                var result = new RealEditResult(project.Name, Path.GetFileName(tree.FilePath), tree.Length, name, run.Cpu - driver.Cpu, work.Bodies, work.Summaries,
                    work.FieldValues, work.CarriedValues, work.CarriedSummaries, work.CarriedSendingAnswers, work.CutoffAnswers,
                    run.Exceptions.Length, peers.ToImmutable());
                log.WriteLine($"    edit of {result.File} ({result.Characters:N0} characters), {name}: {result.AddedCpu.TotalMilliseconds:F0} ms added, "
                    + $"{result.Bodies} bodies bound, {result.FlowAnalyses} flow analyses, {result.FieldValues} field values, {result.CarriedValues} taken over, {result.CarriedSummaries} summaries taken over, {result.CarriedSendingAnswers} sending answers taken over, {result.CutoffAnswers} kept by early cutoff"
                    + string.Concat(result.Peers.Select(p => $"; {p.Suite} {p.AddedCpu.TotalMilliseconds:F0} ms added")));
                results.Add(result);
            }
        }

        return results.ToImmutable();
    }

    private static IEnumerable<SyntaxTree> EditedFiles(ImmutableArray<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        // Generated code (a GeneratedCode attribute, as the decompiler keeps it) is not analysed: no edit there says anything.
        var candidates = trees.Where(t => !t.GetText(cancellationToken).ToString().Contains("GeneratedCode", StringComparison.Ordinal)
                && t.GetRoot(cancellationToken).DescendantNodes().Any(n => n is MethodDeclarationSyntax { Body: not null })
                && t.GetRoot(cancellationToken).DescendantNodes().Any(n => n is ClassDeclarationSyntax or StructDeclarationSyntax))
            .OrderBy(t => t.Length).ThenBy(t => t.FilePath, StringComparer.Ordinal).ToList();
        return candidates.Count < 5
            ? candidates
            : new[] { candidates[candidates.Count / 2], candidates[candidates.Count * 3 / 4], candidates[candidates.Count - 5] }.Distinct();
    }

    /// <summary>The method declared again with one more parameter, and a body that compiles whatever it returns.</summary>
    private static string Overload(MethodDeclarationSyntax method) =>
        method.WithAttributeLists(default)
            .WithParameterList(method.ParameterList.AddParameters(
                SyntaxFactory.Parameter(SyntaxFactory.Identifier("exfilBenchmarkEdit")).WithType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)))))
            .WithBody(SyntaxFactory.Block(SyntaxFactory.ThrowStatement(SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression))))
            .NormalizeWhitespace().ToFullString();

    private static SyntaxTree Insert(SyntaxTree tree, int position, string text) =>
        tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(position, 0), text)));
}
