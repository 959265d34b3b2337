using System.Collections.Generic;
using System.Linq;
using ExfilAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Gating;

/// <summary>
/// Writes <c>if (consent) { ... }</c> around a target, laid out the way the file already is: the statements
/// move one level in, their comments and line breaks as they were; comments above the first statement stay
/// above the check.
/// </summary>
internal sealed class ConsentWrapper
{
    private readonly Layout _layout;

    public ConsentWrapper(Layout layout)
    {
        _layout = layout;
    }

    /// <summary>The list with each range of statements (given on the original list) inside a check.</summary>
    public SyntaxNode WrapRanges(SyntaxNode original, SyntaxNode rewritten, IReadOnlyList<(int First, int Last)> ranges, ExpressionSyntax condition)
    {
        var originalStatements = StatementRegion.Statements(original);
        var elements = ListEntryRemover.Elements(rewritten).ToList();
        foreach (var (first, last) in ranges.OrderByDescending(r => r.First))
        {
            var wrapped = originalStatements.Skip(first).Take(last - first + 1).ToList();
            StatementSyntax check = StartsLine(wrapped[0]) && EndsLine(wrapped[wrapped.Count - 1])
                ? Check(wrapped, Layout.IndentationOf(wrapped[0]), condition, shift: true)
                : InlineCheck(wrapped, condition);
            elements.RemoveRange(first, last - first + 1);
            elements.Insert(first, rewritten is CompilationUnitSyntax ? SyntaxFactory.GlobalStatement(check) : check);
        }

        return rewritten switch
        {
            BlockSyntax block => block.WithStatements(SyntaxFactory.List(elements.Cast<StatementSyntax>())),
            SwitchSectionSyntax section => section.WithStatements(SyntaxFactory.List(elements.Cast<StatementSyntax>())),
            CompilationUnitSyntax unit => unit.WithMembers(SyntaxFactory.List(elements.Cast<MemberDeclarationSyntax>())),
            _ => rewritten,
        };
    }

    /// <summary>The parent (rewritten) with its embedded statement (original) turned into a block that holds the check.</summary>
    public SyntaxNode WrapEmbedded(SyntaxNode parent, StatementSyntax original, ExpressionSyntax condition)
    {
        var outer = Layout.IndentationOf(original.Parent!);
        var check = Check(new[] { original }, outer + _layout.IndentUnit, condition, shift: true);
        var block = Block(outer, check, original.GetTrailingTrivia());
        SyntaxNode replaced = parent switch
        {
            IfStatementSyntax statement => statement.WithStatement(block),
            ElseClauseSyntax clause => clause.WithStatement(block),
            WhileStatementSyntax loop => loop.WithStatement(block),
            DoStatementSyntax loop => loop.WithStatement(block),
            ForStatementSyntax loop => loop.WithStatement(block),
            CommonForEachStatementSyntax loop => loop.WithStatement(block),
            UsingStatementSyntax statement => statement.WithStatement(block),
            LockStatementSyntax statement => statement.WithStatement(block),
            FixedStatementSyntax statement => statement.WithStatement(block),
            LabeledStatementSyntax statement => statement.WithStatement(block),
            _ => parent,
        };
        return EndLineBefore(replaced);
    }

    /// <summary>A lambda or member whose expression body becomes a block that holds the check.</summary>
    public SyntaxNode WrapBody(SyntaxNode owner, ExpressionSyntax body, ExpressionSyntax condition)
    {
        var outer = Layout.IndentationOf(owner);
        var statement = SyntaxFactory.ExpressionStatement(body.WithoutTrivia());
        switch (owner)
        {
            case LambdaExpressionSyntax lambda:
            {
                var check = BodyCheck(statement, outer, condition);
                var block = Block(outer, check, body.GetTrailingTrivia());
                var arrow = lambda.ArrowToken.WithTrailingTrivia(_layout.EndOfLine);
                return lambda.WithArrowToken(arrow).WithExpressionBody(null).WithBlock(block);
            }

            case BaseMethodDeclarationSyntax method:
            {
                var check = BodyCheck(statement, outer, condition);
                var block = Block(outer, check, method.SemicolonToken.TrailingTrivia);
                return EndLineBefore(method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block));
            }

            case LocalFunctionStatementSyntax function:
            {
                var check = BodyCheck(statement, outer, condition);
                var block = Block(outer, check, function.SemicolonToken.TrailingTrivia);
                return EndLineBefore(function.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block));
            }

            case AccessorDeclarationSyntax { Parent: AccessorListSyntax list } accessor when !SpansLines(list):
            {
                // An accessor in a one-line accessor list stays on its line.
                var check = InlineCheck(new StatementSyntax[] { statement.WithoutTrivia() }, condition);
                var block = SyntaxFactory.Block(
                    SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    SyntaxFactory.SingletonList<StatementSyntax>(check.WithTrailingTrivia(SyntaxFactory.Space)),
                    SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseBraceToken, accessor.SemicolonToken.TrailingTrivia));
                return accessor.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block);
            }

            case AccessorDeclarationSyntax accessor:
            {
                var check = BodyCheck(statement, outer, condition);
                var block = Block(outer, check, accessor.SemicolonToken.TrailingTrivia);
                return EndLineBefore(accessor.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block));
            }

            default:
                return owner;
        }
    }

    /// <summary>
    /// <c>if (condition) { statements }</c> at <paramref name="indentation"/>; the first statement's leading
    /// trivia (its comments) goes before the if; with <paramref name="shift"/>, the statements' lines move one
    /// level in (a statement made for the check is laid out by its maker).
    /// </summary>
    private IfStatementSyntax Check(IReadOnlyList<StatementSyntax> statements, string indentation, ExpressionSyntax condition, bool shift)
    {
        var body = new List<StatementSyntax>();
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = shift ? Layout.Shift(statements[i], _layout.IndentUnit) : statements[i];
            if (i == 0)
            {
                statement = statement.WithLeadingTrivia(Layout.Indentation(indentation + _layout.IndentUnit));
            }

            body.Add(i == statements.Count - 1 ? statement.WithTrailingTrivia(EndingLine(statement.GetTrailingTrivia())) : statement);
        }

        var ifKeyword = SyntaxFactory.Token(WithIndentation(statements[0].GetLeadingTrivia(), indentation), SyntaxKind.IfKeyword,
            SyntaxFactory.TriviaList(SyntaxFactory.Space));
        var block = SyntaxFactory.Block(
            SyntaxFactory.Token(Layout.Indentation(indentation), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(_layout.EndOfLine)),
            SyntaxFactory.List(body),
            SyntaxFactory.Token(Layout.Indentation(indentation), SyntaxKind.CloseBraceToken, SyntaxFactory.TriviaList(_layout.EndOfLine)));
        return SyntaxFactory.IfStatement(
            ifKeyword,
            SyntaxFactory.Token(SyntaxKind.OpenParenToken),
            condition.WithoutTrivia(),
            SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseParenToken, SyntaxFactory.TriviaList(_layout.EndOfLine)),
            block,
            null);
    }

    /// <summary>The check inside a new block body at <paramref name="outer"/>: the statement two levels in.</summary>
    private IfStatementSyntax BodyCheck(StatementSyntax statement, string outer, ExpressionSyntax condition) =>
        Check(new[] { Layout.Shift(statement, _layout.IndentUnit + _layout.IndentUnit) }, outer + _layout.IndentUnit, condition, shift: false);

    /// <summary>
    /// <c>if (condition) { statements }</c> on the statements' own line, for code written several statements
    /// to a line: the check takes the first statement's place and the last one's line end.
    /// </summary>
    private static IfStatementSyntax InlineCheck(IReadOnlyList<StatementSyntax> statements, ExpressionSyntax condition)
    {
        var body = statements.Select((statement, i) => i == 0 ? statement.WithLeadingTrivia(SyntaxTriviaList.Empty) : statement).ToList();
        var trailing = body[body.Count - 1].GetTrailingTrivia();
        body[body.Count - 1] = body[body.Count - 1].WithTrailingTrivia(SyntaxFactory.Space);
        var space = SyntaxFactory.TriviaList(SyntaxFactory.Space);
        return SyntaxFactory.IfStatement(
            SyntaxFactory.Token(statements[0].GetLeadingTrivia(), SyntaxKind.IfKeyword, space),
            SyntaxFactory.Token(SyntaxKind.OpenParenToken),
            condition.WithoutTrivia(),
            SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseParenToken, space),
            SyntaxFactory.Block(
                SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.OpenBraceToken, space),
                SyntaxFactory.List(body),
                SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseBraceToken, trailing)),
            null);
    }

    private static bool StartsLine(SyntaxNode node)
    {
        var previous = node.GetFirstToken().GetPreviousToken();
        return previous.IsKind(SyntaxKind.None) || EndsWithLineBreak(previous.TrailingTrivia);
    }

    private static bool EndsLine(SyntaxNode node) => EndsWithLineBreak(node.GetLastToken().TrailingTrivia);

    private static bool EndsWithLineBreak(SyntaxTriviaList trivia) => trivia.Count > 0 && trivia[trivia.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia);

    private static bool SpansLines(SyntaxNode node)
    {
        var lines = node.SyntaxTree.GetLineSpan(node.Span);
        return lines.StartLinePosition.Line != lines.EndLinePosition.Line;
    }

    /// <summary>A block at <paramref name="indentation"/> that holds one statement, marked so its line can be ended before it.</summary>
    private BlockSyntax Block(string indentation, StatementSyntax statement, SyntaxTriviaList trailing) =>
        SyntaxFactory.Block(
            SyntaxFactory.Token(Layout.Indentation(indentation), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(_layout.EndOfLine)),
            SyntaxFactory.SingletonList(statement),
            SyntaxFactory.Token(Layout.Indentation(indentation), SyntaxKind.CloseBraceToken, trailing))
        .WithAdditionalAnnotations(NewBlock);

    private static readonly SyntaxAnnotation NewBlock = new("ExfilAnalyzers.GateBlock");

    /// <summary>The node with the token before its new block ending its line, so that the block's brace starts the next.</summary>
    private SyntaxNode EndLineBefore(SyntaxNode node)
    {
        var previous = node.GetAnnotatedNodes(NewBlock).First().GetFirstToken().GetPreviousToken();
        var kept = previous.TrailingTrivia.Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));
        return node.ReplaceToken(previous, previous.WithTrailingTrivia(SyntaxFactory.TriviaList(kept).Add(_layout.EndOfLine)));
    }

    /// <summary>Trailing trivia that ends its line: a trailing comment stays, a missing line break is added.</summary>
    private SyntaxTriviaList EndingLine(SyntaxTriviaList trailing) =>
        trailing.Count > 0 && trailing[trailing.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia) ? trailing : trailing.Add(_layout.EndOfLine);

    /// <summary>A statement's leading trivia (comments and all) with its own indentation replaced.</summary>
    private static SyntaxTriviaList WithIndentation(SyntaxTriviaList leading, string indentation)
    {
        var end = leading.Count;
        while (end > 0 && leading[end - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            end--;
        }

        return SyntaxFactory.TriviaList(leading.Take(end)).AddRange(Layout.Indentation(indentation));
    }
}
