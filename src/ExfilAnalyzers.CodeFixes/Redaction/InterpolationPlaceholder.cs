using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Redaction;

/// <summary>
/// An interpolated string with some holes replaced by a fixed text, merged into the text around them as
/// the parser would read it: <c>$"Renamed {name} in {ms} ms"</c> becomes <c>$"Renamed [removed] in {ms} ms"</c>.
/// </summary>
internal static class InterpolationPlaceholder
{
    public static InterpolatedStringExpressionSyntax Replace(InterpolatedStringExpressionSyntax text, ICollection<InterpolationSyntax> holes,
        string placeholder, SyntaxAnnotation mark)
    {
        var contents = new List<InterpolatedStringContentSyntax>();
        var pending = new StringBuilder();
        var pendingValue = new StringBuilder();
        var pendingHasPlaceholder = false;
        foreach (var content in text.Contents)
        {
            if (content is InterpolatedStringTextSyntax literal)
            {
                pending.Append(literal.TextToken.Text);
                pendingValue.Append(literal.TextToken.ValueText);
                continue;
            }

            if (content is InterpolationSyntax hole && holes.Contains(hole))
            {
                pending.Append(placeholder);
                pendingValue.Append(placeholder);
                pendingHasPlaceholder = true;
                continue;
            }

            Flush();
            contents.Add(content);
        }

        Flush();
        return text.WithContents(SyntaxFactory.List(contents));

        void Flush()
        {
            if (pending.Length == 0)
            {
                return;
            }

            var token = SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.InterpolatedStringTextToken, pending.ToString(), pendingValue.ToString(), SyntaxTriviaList.Empty);
            var node = SyntaxFactory.InterpolatedStringText(token);
            contents.Add(pendingHasPlaceholder ? node.WithAdditionalAnnotations(mark) : node);
            pending.Clear();
            pendingValue.Clear();
            pendingHasPlaceholder = false;
        }
    }
}
