using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// Marks the node each diagnostic points at, so that after an edit the fix can tell whether the analyzers
/// still report that same sink argument (its text and position change as the fix edits around it).
/// </summary>
internal static class PrimaryMarks
{
    private const string Kind = "ExfilAnalyzers.Primary";

    /// <summary>The root with each diagnostic's node marked, and each diagnostic with its mark.</summary>
    public static (SyntaxNode Root, ImmutableArray<(Diagnostic Diagnostic, SyntaxAnnotation Mark)> Marks) Mark(SyntaxNode root, IEnumerable<Diagnostic> diagnostics)
    {
        var marks = ImmutableArray.CreateBuilder<(Diagnostic, SyntaxAnnotation)>();
        var byNode = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
        foreach (var diagnostic in diagnostics)
        {
            if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var mark = new SyntaxAnnotation(Kind, marks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            marks.Add((diagnostic, mark));
            if (!byNode.TryGetValue(node, out var list))
            {
                byNode[node] = list = new List<SyntaxAnnotation>();
            }

            list.Add(mark);
        }

        return (root.ReplaceNodes(byNode.Keys, (original, _) => original.WithAdditionalAnnotations(byNode[original])), marks.ToImmutable());
    }

    /// <summary>The marks a replacement must carry on, when it replaces a marked node.</summary>
    public static IEnumerable<SyntaxAnnotation> Of(SyntaxNode node) => node.GetAnnotations(Kind);

    /// <summary>The node a mark is on now, if the edits kept it.</summary>
    public static SyntaxNode? Find(SyntaxNode root, SyntaxAnnotation mark) => root.GetAnnotatedNodes(mark).FirstOrDefault();

    /// <summary>True when a location is in this tree, or in the tree this one was edited from (same file).</summary>
    public static bool IsIn(Location location, SyntaxTree tree) =>
        location.SourceTree == tree || (location.SourceTree is { FilePath.Length: > 0 } other && other.FilePath == tree.FilePath);

    /// <summary>The diagnostics still reported at a marked node with the mark's ID, each with its mark.</summary>
    public static ImmutableArray<(Diagnostic Diagnostic, SyntaxAnnotation Mark)> Remaining(SyntaxNode root,
        ImmutableArray<(Diagnostic Diagnostic, SyntaxAnnotation Mark)> marks, ImmutableArray<Diagnostic> diagnostics)
    {
        var remaining = ImmutableArray.CreateBuilder<(Diagnostic, SyntaxAnnotation)>();
        foreach (var (original, mark) in marks)
        {
            var id = original.Id;
            var node = root.GetAnnotatedNodes(mark).FirstOrDefault();
            if (node is null)
            {
                continue;
            }

            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Id == id && diagnostic.Location.SourceSpan == node.Span)
                {
                    remaining.Add((diagnostic, mark));
                    break;
                }
            }
        }

        return remaining.ToImmutable();
    }
}
