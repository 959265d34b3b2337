using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// Takes elements out of a list (initializer entries, anonymous-object members, statements) so that the
/// lines around them read as if the element had never been written: its separator and its own line go, a
/// trailing comma stays only if the list had one, and comments written above a removed element survive,
/// moved above the next element (or the list's closing brace).
/// </summary>
internal static class ListEntryRemover
{
    /// <summary>The elements of a list node, in the order <see cref="RemoveAt"/> counts them.</summary>
    public static IReadOnlyList<SyntaxNode> Elements(SyntaxNode list) => list switch
    {
        InitializerExpressionSyntax initializer => initializer.Expressions,
        AnonymousObjectCreationExpressionSyntax anonymous => anonymous.Initializers,
        BlockSyntax block => block.Statements,
        SwitchSectionSyntax section => section.Statements,
        CompilationUnitSyntax unit => unit.Members,
        _ => System.Array.Empty<SyntaxNode>(),
    };

    public static SyntaxNode RemoveAt(SyntaxNode list, ICollection<int> indexes)
    {
        switch (list)
        {
            case InitializerExpressionSyntax initializer:
            {
                var (expressions, carried) = Remove(initializer.Expressions, indexes);
                return initializer.WithExpressions(expressions).WithCloseBraceToken(Prepend(carried, initializer.CloseBraceToken));
            }

            case AnonymousObjectCreationExpressionSyntax anonymous:
            {
                var (members, carried) = Remove(anonymous.Initializers, indexes);
                return anonymous.WithInitializers(members).WithCloseBraceToken(Prepend(carried, anonymous.CloseBraceToken));
            }

            case BlockSyntax block:
            {
                var (statements, carried) = Remove(block.Statements, indexes);
                return block.WithStatements(statements).WithCloseBraceToken(Prepend(carried, block.CloseBraceToken));
            }

            case SwitchSectionSyntax section:
                return section.WithStatements(Remove(section.Statements, indexes).Kept);
            case CompilationUnitSyntax unit:
            {
                var (members, carried) = Remove(unit.Members, indexes);
                return unit.WithMembers(members).WithEndOfFileToken(Prepend(carried, unit.EndOfFileToken));
            }

            default:
                return list;
        }
    }

    private static (SyntaxList<T> Kept, SyntaxTriviaList Carried) Remove<T>(SyntaxList<T> list, ICollection<int> indexes)
        where T : SyntaxNode
    {
        var kept = new List<T>();
        var carried = SyntaxTriviaList.Empty;
        for (var i = 0; i < list.Count; i++)
        {
            if (indexes.Contains(i))
            {
                carried = carried.AddRange(CommentLines(list[i].GetLeadingTrivia()));
                continue;
            }

            kept.Add(carried.Count == 0 ? list[i] : list[i].WithLeadingTrivia(carried.AddRange(list[i].GetLeadingTrivia())));
            carried = SyntaxTriviaList.Empty;
        }

        return (SyntaxFactory.List(kept), carried);
    }

    private static (SeparatedSyntaxList<T> Kept, SyntaxTriviaList Carried) Remove<T>(SeparatedSyntaxList<T> list, ICollection<int> indexes)
        where T : SyntaxNode
    {
        var hadTrailingSeparator = list.SeparatorCount == list.Count && list.Count > 0;
        var nodes = new List<T>();
        var separators = new List<SyntaxToken>();
        var carried = SyntaxTriviaList.Empty;
        SyntaxTriviaList lastRemovedTrailing = default;
        for (var i = 0; i < list.Count; i++)
        {
            if (indexes.Contains(i))
            {
                carried = carried.AddRange(CommentLines(list[i].GetLeadingTrivia()));
                lastRemovedTrailing = list[i].GetTrailingTrivia();
                continue;
            }

            var node = carried.Count == 0 ? list[i] : list[i].WithLeadingTrivia(carried.AddRange(list[i].GetLeadingTrivia()));
            carried = SyntaxTriviaList.Empty;
            nodes.Add(node);
            separators.Add(i < list.SeparatorCount ? list.GetSeparator(i) : SyntaxFactory.Token(SyntaxKind.CommaToken));
        }

        var lastWasRemoved = list.Count > 0 && indexes.Contains(list.Count - 1);
        if (nodes.Count > 0 && !hadTrailingSeparator)
        {
            // The list ends without a comma, as it did; the removed last element's line end moves up.
            separators.RemoveAt(separators.Count - 1);
            if (lastWasRemoved)
            {
                nodes[nodes.Count - 1] = nodes[nodes.Count - 1].WithTrailingTrivia(lastRemovedTrailing);
            }
        }

        return (SyntaxFactory.SeparatedList(nodes, separators), carried);
    }

    /// <summary>The comment lines of a leading trivia list, without the indentation of the element itself; empty when it has no comment.</summary>
    private static SyntaxTriviaList CommentLines(SyntaxTriviaList leading)
    {
        if (!leading.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)
                || t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsDirective))
        {
            return SyntaxTriviaList.Empty;
        }

        var end = leading.Count;
        while (end > 0 && leading[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            end--;
        }

        return SyntaxFactory.TriviaList(leading.Take(end));
    }

    private static SyntaxToken Prepend(SyntaxTriviaList carried, SyntaxToken token) =>
        carried.Count == 0 ? token : token.WithLeadingTrivia(carried.AddRange(token.LeadingTrivia));
}
