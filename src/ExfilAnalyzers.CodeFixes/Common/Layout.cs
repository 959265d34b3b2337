using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// The document's own line ending and indentation, and the trivia edits that move code one level deeper
/// without reformatting it: only the whitespace at the start of each line changes, so the user's layout,
/// comments and string contents stay exactly as written.
/// </summary>
internal sealed class Layout
{
    private Layout(string newLine, string indentUnit)
    {
        NewLine = newLine;
        IndentUnit = indentUnit;
    }

    public string NewLine { get; }

    public string IndentUnit { get; }

    public SyntaxTrivia EndOfLine => SyntaxFactory.EndOfLine(NewLine);

    public static Layout Of(SyntaxNode root, AnalyzerConfigOptions options)
    {
        var unit = "    ";
        if (options.TryGetValue("indent_style", out var style) && style.Trim() == "tab")
        {
            unit = "\t";
        }
        else if (options.TryGetValue("indent_size", out var size) && int.TryParse(size.Trim(), out var n) && n is > 0 and <= 16)
        {
            unit = new string(' ', n);
        }

        return new Layout(NewLineOf(root), unit);
    }

    /// <summary>The first line ending of the file, so that a fix never mixes line endings.</summary>
    public static string NewLineOf(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia.ToString();
            }
        }

        return "\n";
    }

    /// <summary>The whitespace that starts the line a node starts on.</summary>
    public static string IndentationOf(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(node.SpanStart);
        var end = line.Start;
        while (end < line.End && (text[end] == ' ' || text[end] == '\t'))
        {
            end++;
        }

        return text.ToString(TextSpan.FromBounds(line.Start, end));
    }

    public static SyntaxTriviaList Indentation(string indentation) =>
        indentation.Length == 0 ? SyntaxTriviaList.Empty : SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indentation));

    /// <summary>The whitespace after the last line break of a leading trivia list: the indentation of its token.</summary>
    public static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        var start = leading.Count;
        while (start > 0 && leading[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            start--;
        }

        return SyntaxFactory.TriviaList(leading.Skip(start));
    }

    /// <summary>
    /// The node with <paramref name="extra"/> added to the indentation of every line it spans, its first line
    /// included when it starts one. Line starts are read from the original tree.
    /// </summary>
    public static TNode Shift<TNode>(TNode node, string extra)
        where TNode : SyntaxNode
    {
        return node.ReplaceTokens(node.DescendantTokens(), (original, current) =>
        {
            var previous = original.GetPreviousToken();
            var atLineStart = previous.IsKind(SyntaxKind.None)
                || (previous.TrailingTrivia.Count > 0 && previous.TrailingTrivia[previous.TrailingTrivia.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia));
            return current.WithLeadingTrivia(ShiftLeading(current.LeadingTrivia, atLineStart, extra));
        });
    }

    private static SyntaxTriviaList ShiftLeading(SyntaxTriviaList trivia, bool atLineStart, string extra)
    {
        var result = new List<SyntaxTrivia>(trivia.Count + 1);
        foreach (var item in trivia)
        {
            if (atLineStart && item.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                result.Add(SyntaxFactory.Whitespace(item.ToString() + extra));
                atLineStart = false;
                continue;
            }

            if (atLineStart && !item.IsKind(SyntaxKind.EndOfLineTrivia) && !item.IsDirective && !item.IsKind(SyntaxKind.DisabledTextTrivia))
            {
                result.Add(SyntaxFactory.Whitespace(extra));
            }

            result.Add(item);
            atLineStart = item.IsKind(SyntaxKind.EndOfLineTrivia) || item.IsDirective || item.IsKind(SyntaxKind.DisabledTextTrivia);
        }

        if (atLineStart)
        {
            result.Add(SyntaxFactory.Whitespace(extra));
        }

        return SyntaxFactory.TriviaList(result);
    }
}
