using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Redaction;

/// <summary>
/// Applies one redaction action to documents of a project: finds the values each diagnostic carries, wraps,
/// removes or replaces them, then asks the analyzers again, once for all the documents. A sink that still gets
/// the same category (a second dictionary entry, another argument) is fixed in the next round, so that the
/// diagnostic is gone when the fix is done; a few rounds at most.
/// </summary>
internal sealed class RedactionFixer : IProjectFixer
{
    private const int MaxRounds = 4;
    private const string Placeholder = "[removed]";

    /// <summary>Marks what a round has redacted, so that later rounds neither redact it twice nor loop on it.</summary>
    private static readonly SyntaxAnnotation Redacted = new("ExfilAnalyzers.Redacted");

    public async Task<Solution> FixAsync(Solution solution, ImmutableArray<DocumentDiagnostics> batch, string equivalenceKey, CancellationToken cancellationToken)
    {
        var unchanged = solution;
        if (RedactionChoice.FromKey(equivalenceKey) is not { } choice || batch.IsEmpty || solution.GetDocument(batch[0].Document) is not { } first)
        {
            return unchanged;
        }

        INamedTypeSymbol? hashHelper = null;
        if (choice.Kind == RedactionKind.KeyedHash)
        {
            if (await HelperDocuments.EnsureAsync(first, KeyedHashHelper.For(first.Project), cancellationToken).ConfigureAwait(false) is not { } helper)
            {
                return unchanged;
            }

            solution = helper.Solution;
            hashHelper = helper.Type;
        }

        // Each sink is marked first, so that later rounds find it again however the edits moved it.
        var marks = new Dictionary<DocumentId, ImmutableArray<(Diagnostic Diagnostic, SyntaxAnnotation Mark)>>();
        foreach (var item in batch)
        {
            if (solution.GetDocument(item.Document) is { } document && await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } root)
            {
                var (marked, documentMarks) = SinkMarks.Mark(root, item.Diagnostics);
                solution = solution.WithDocumentSyntaxRoot(item.Document, marked);
                marks[item.Document] = documentMarks;
            }
        }

        var pending = new Dictionary<DocumentId, ImmutableArray<(Diagnostic Diagnostic, SyntaxAnnotation Mark)>>(marks);
        var changed = false;
        for (var round = 0; round < MaxRounds && pending.Values.Any(p => !p.IsEmpty); round++)
        {
            var edited = new List<DocumentId>();
            foreach (var item in batch.Where(b => pending.TryGetValue(b.Document, out var p) && !p.IsEmpty))
            {
                var document = solution.GetDocument(item.Document)!;
                if (await EditAsync(document, pending[item.Document], choice, hashHelper, fallBackToWholeValue: round > 0, cancellationToken).ConfigureAwait(false) is { } result)
                {
                    solution = result.Project.Solution;
                    edited.Add(item.Document);
                }
            }

            if (edited.Count == 0)
            {
                break;
            }

            changed = true;
            pending.Clear();
            foreach (var pair in await FlowOracle.AnalyzeAsync(solution, edited, cancellationToken).ConfigureAwait(false))
            {
                var root = await solution.GetDocument(pair.Key)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                pending[pair.Key] = SinkMarks.Remaining(root!, marks[pair.Key], pair.Value);
            }
        }

        return changed ? solution : unchanged;
    }

    private static async Task<Document?> EditAsync(Document document, ImmutableArray<(Diagnostic Diagnostic, SyntaxAnnotation Mark)> pending,
        RedactionChoice choice, INamedTypeSymbol? hashHelper, bool fallBackToWholeValue, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var values = new List<ExpressionSyntax>();
        foreach (var (diagnostic, _) in pending)
        {
            var found = SensitiveValueLocator.Locate(root, model, diagnostic, cancellationToken).Where(v => !IsRedacted(v)).ToList();
            if (found.Count == 0 && fallBackToWholeValue && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax whole
                && !IsRedacted(whole)
                && SensitiveValueLocator.IsValuePosition(whole) && SensitiveValueLocator.IsString(whole, model, cancellationToken))
            {
                // The path names no part the earlier rounds missed: redact the whole string the sink gets.
                found.Add(whole);
            }

            values.AddRange(found);
        }

        var outermost = values
            .Where(v => !values.Any(other => other.Span != v.Span && other.Span.Contains(v.Span)))
            .GroupBy(v => v.Span).Select(g => g.First())
            .OrderBy(v => v.SpanStart)
            .ToList();
        var names = new TypeNames();
        var edits = Plan(document, model, outermost, choice, hashHelper, names, cancellationToken);
        if (edits.IsEmpty)
        {
            return null;
        }

        return document.WithSyntaxRoot(names.AddUsings(edits.ApplyTo(root)));
    }

    private static SyntaxEdits Plan(Document document, SemanticModel model, List<ExpressionSyntax> values, RedactionChoice choice,
        INamedTypeSymbol? hashHelper, TypeNames names, CancellationToken cancellationToken)
    {
        var edits = new SyntaxEdits();
        var types = FrameworkTypes.For(model.Compilation);
        var declared = choice.Kind == RedactionKind.RedactWith
            ? DeclaredModels.Read(document.Project, model.Compilation, cancellationToken)
            : null;
        var holes = new Dictionary<InterpolatedStringExpressionSyntax, List<InterpolationSyntax>>();
        foreach (var value in values)
        {
            var typeName = names.At(model, value.SpanStart);
            switch (choice.Kind)
            {
                case RedactionKind.RedactWith:
                    var redactor = RedactorInScope.At(model, value.SpanStart, types, declared!).FirstOrDefault(r => r.Name == choice.Name);
                    if (redactor is not null)
                    {
                        var maybeNull = model.GetTypeInfo(value, cancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull;
                        Replace(edits, value, Mark(redactor.Wrap(typeName, value.WithoutTrivia(), maybeNull), value));
                    }

                    break;
                case RedactionKind.KeyedHash:
                    var hash = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                            typeName(hashHelper!), SyntaxFactory.IdentifierName(KeyedHashHelper.MethodName)),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value.WithoutTrivia()))));
                    Replace(edits, value, Mark(hash, value));
                    break;
                default:
                    if (CarryingEntry.Find(value, model, types) is { } entry)
                    {
                        edits.Remove(entry.List, entry.Index);
                    }
                    else if (value.Parent is InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax text } hole && hole.Expression == value)
                    {
                        if (!holes.TryGetValue(text, out var list))
                        {
                            holes[text] = list = new List<InterpolationSyntax>();
                        }

                        list.Add(hole);
                    }
                    else
                    {
                        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(Placeholder));
                        edits.Replace(value, Mark(literal, value));
                    }

                    break;
            }
        }

        foreach (var pair in holes)
        {
            edits.Replace(pair.Key, InterpolationPlaceholder.Replace(pair.Key, pair.Value, Placeholder, Redacted));
        }

        return edits;
    }

    private static void Replace(SyntaxEdits edits, ExpressionSyntax value, ExpressionSyntax wrapped)
    {
        var (target, replacement) = InferredName.Keep(value, wrapped);
        edits.Replace(target, replacement);
    }

    private static ExpressionSyntax Mark(ExpressionSyntax replacement, ExpressionSyntax original) =>
        replacement.WithTriviaFrom(original).WithAdditionalAnnotations(SinkMarks.Of(original)).WithAdditionalAnnotations(Redacted);

    private static bool IsRedacted(SyntaxNode node) => node.AncestorsAndSelf().Any(n => n.HasAnnotation(Redacted));
}
