using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAnalyzers.CodeFixes.Gating;

/// <summary>What the Gate fix wraps in a consent check, and the node it rewrites to do so.</summary>
internal abstract class GateTarget
{
    /// <summary>The node the fix replaces: a statement list, the parent of an embedded statement, or a lambda or member.</summary>
    public abstract SyntaxNode Node { get; }

    /// <summary>The code that ends up inside the check; a target inside another's is already covered.</summary>
    public abstract TextSpan Wrapped { get; }
}

/// <summary>Statements <see cref="First"/> to <see cref="Last"/> of a block, switch section or top-level program.</summary>
internal sealed class StatementRange : GateTarget
{
    public StatementRange(SyntaxNode list, int first, int last)
    {
        List = list;
        First = first;
        Last = last;
    }

    public SyntaxNode List { get; }

    public int First { get; }

    public int Last { get; }

    public override SyntaxNode Node => List;

    public override TextSpan Wrapped => TextSpan.FromBounds(
        Common.ListEntryRemover.Elements(List)[First].SpanStart, Common.ListEntryRemover.Elements(List)[Last].Span.End);
}

/// <summary>A statement that is the body of an if, else, loop, using or lock: it becomes a block holding the check.</summary>
internal sealed class EmbeddedStatement : GateTarget
{
    public EmbeddedStatement(StatementSyntax statement)
    {
        Statement = statement;
    }

    public StatementSyntax Statement { get; }

    public override SyntaxNode Node => Statement.Parent!;

    public override TextSpan Wrapped => Statement.Span;
}

/// <summary>A void lambda or member with an expression body: the body becomes a block holding the check.</summary>
internal sealed class ExpressionBody : GateTarget
{
    public ExpressionBody(SyntaxNode owner, ExpressionSyntax body)
    {
        Owner = owner;
        Body = body;
    }

    public SyntaxNode Owner { get; }

    public ExpressionSyntax Body { get; }

    public override SyntaxNode Node => Owner;

    public override TextSpan Wrapped => Body.Span;
}
