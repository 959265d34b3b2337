using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// Marks the sink call of each diagnostic (the call its argument goes to, the call itself, or the assignment
/// into a sink collection), so that after an edit the fix can tell whether the analyzers still report the
/// same category at that call: at the same argument, or at another one that also carries it (one diagnostic
/// per category per call, at the first argument that carries it).
/// </summary>
internal static class SinkMarks
{
    private const string Kind = "ExfilAnalyzers.Sink";

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

            var node = SinkOf(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
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

    /// <summary>The call an argument is passed to, the assignment a value is stored by, or the node itself.</summary>
    public static SyntaxNode SinkOf(SyntaxNode primary) => primary switch
    {
        ArgumentSyntax { Parent: BaseArgumentListSyntax { Parent: { } call } } => call,
        { Parent: ArgumentSyntax { Parent: BaseArgumentListSyntax { Parent: { } call } } } => call,
        { Parent: AssignmentExpressionSyntax assignment } when assignment.Right == primary => assignment,
        _ => primary,
    };

    /// <summary>The marks a replacement must carry on, when it replaces a marked node.</summary>
    public static IEnumerable<SyntaxAnnotation> Of(SyntaxNode node) => node.GetAnnotations(Kind);

    /// <summary>True when a location is in this tree, or in the tree this one was edited from (same file).</summary>
    public static bool IsIn(Location location, SyntaxTree tree) =>
        location.SourceTree == tree || (location.SourceTree is { FilePath.Length: > 0 } other && other.FilePath == tree.FilePath);

    /// <summary>The diagnostics with a mark's ID still reported at its sink call, each with the mark.</summary>
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
                if (diagnostic.Id == id && node.Span.Contains(diagnostic.Location.SourceSpan))
                {
                    remaining.Add((diagnostic, mark));
                    break;
                }
            }
        }

        return remaining.ToImmutable();
    }
}
