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
/// Applies one redaction action to a document's diagnostics: finds the values each one carries, wraps,
/// removes or replaces them, then asks the analyzers again. A sink that still gets the same category (a
/// second dictionary entry, another part of the string) is fixed in the next round, so that the diagnostic
/// is gone when the fix is done; a few rounds at most.
/// </summary>
internal sealed class RedactionFixer : IDocumentFixer
{
    private const int MaxRounds = 4;
    private const string Placeholder = "[removed]";

    /// <summary>Marks what a round has redacted, so that later rounds neither redact it twice nor loop on it.</summary>
    private static readonly SyntaxAnnotation Redacted = new("ExfilAnalyzers.Redacted");

    public async Task<Solution> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        var unchanged = document.Project.Solution;
        if (RedactionChoice.FromKey(equivalenceKey) is not { } choice)
        {
            return unchanged;
        }

        INamedTypeSymbol? hashHelper = null;
        if (choice.Kind == RedactionKind.KeyedHash)
        {
            if (await HelperDocuments.EnsureAsync(document, KeyedHashHelper.For(document.Project), cancellationToken).ConfigureAwait(false) is not { } helper)
            {
                return unchanged;
            }

            document = helper.Solution.GetDocument(document.Id)!;
            hashHelper = helper.Type;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return unchanged;
        }

        var (marked, marks) = SinkMarks.Mark(root, diagnostics);
        document = document.WithSyntaxRoot(marked);
        var pending = marks;
        var changed = false;
        for (var round = 0; round < MaxRounds && !pending.IsEmpty; round++)
        {
            var edited = await EditAsync(document, pending, choice, hashHelper, fallBackToWholeValue: round > 0, cancellationToken).ConfigureAwait(false);
            if (edited is null)
            {
                break;
            }

            document = edited;
            changed = true;
            var remaining = await FlowOracle.AnalyzeAsync(document, cancellationToken).ConfigureAwait(false);
            pending = SinkMarks.Remaining((await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!, marks, remaining);
        }

        return changed ? document.Project.Solution : unchanged;
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
