using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Redaction;

/// <summary>
/// What a diagnostic's path says, read back from the syntax at its additional locations (the source, then
/// each step): the nodes along the path, the values each step stored, and the variables that came to hold
/// the data on the way.
/// </summary>
internal sealed class FlowTrail
{
    private FlowTrail(ImmutableArray<SyntaxNode> steps, ImmutableArray<SyntaxNode> values, ImmutableHashSet<ISymbol> holders)
    {
        Steps = steps;
        Values = values;
        Holders = holders;
    }

    /// <summary>The nodes of the path in this document, source first.</summary>
    public ImmutableArray<SyntaxNode> Steps { get; }

    /// <summary>Expressions the path passes through: a step's value, or the step itself when it is one.</summary>
    public ImmutableArray<SyntaxNode> Values { get; }

    /// <summary>Locals, parameters, fields and properties that a step wrote the data into.</summary>
    public ImmutableHashSet<ISymbol> Holders { get; }

    /// <summary>The path's steps before the sink: steps inside <paramref name="callee"/> (your own helper that sends) come after it.</summary>
    public static FlowTrail Read(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, IMethodSymbol? callee, CancellationToken cancellationToken)
    {
        var calleeSpans = callee is null
            ? ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan>.Empty
            : callee.DeclaringSyntaxReferences.Where(r => r.SyntaxTree == root.SyntaxTree).Select(r => r.Span).ToImmutableArray();
        var steps = ImmutableArray.CreateBuilder<SyntaxNode>();
        var values = ImmutableArray.CreateBuilder<SyntaxNode>();
        var holders = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (!Common.SinkMarks.IsIn(location, root.SyntaxTree) || !root.FullSpan.Contains(location.SourceSpan))
            {
                continue;
            }

            if (calleeSpans.Any(span => span.Contains(location.SourceSpan)))
            {
                continue;
            }

            var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            steps.Add(node);
            foreach (var value in ValuesOf(node))
            {
                values.Add(value);
            }

            if ((HolderOf(node, model, cancellationToken) ?? HolderOfValue(node, model, cancellationToken)) is { } holder)
            {
                holders.Add(holder);
            }
        }

        return new FlowTrail(steps.ToImmutable(), values.ToImmutable(), holders.ToImmutable());
    }

    /// <summary>The expressions a step hands the data on in.</summary>
    public static IEnumerable<SyntaxNode> ValuesOf(SyntaxNode step)
    {
        switch (step)
        {
            case AssignmentExpressionSyntax assignment:
                yield return assignment.Right;
                break;
            case VariableDeclaratorSyntax { Initializer: { } initializer }:
                yield return initializer.Value;
                break;
            case ArgumentSyntax argument:
                yield return argument.Expression;
                break;
            case InitializerExpressionSyntax initializer:
                foreach (var expression in initializer.Expressions)
                {
                    yield return expression;
                }

                break;
            case ExpressionSyntax expression:
                yield return expression;
                break;
        }
    }

    /// <summary>
    /// The variable a value is stored in as it is, when the path shows the value but not the store (a source
    /// and its declaration on one line): <c>var name = symbol?.Name ?? "";</c>, <c>var text = await doc.GetTextAsync(ct);</c>.
    /// </summary>
    private static ISymbol? HolderOfValue(SyntaxNode value, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var current = value; current.Parent is { } parent; current = parent)
        {
            switch (parent)
            {
                case ParenthesizedExpressionSyntax or CastExpressionSyntax or AwaitExpressionSyntax or ConditionalAccessExpressionSyntax
                    or MemberBindingExpressionSyntax:
                case PostfixUnaryExpressionSyntax when parent.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                case InvocationExpressionSyntax call when call.Expression == current:
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Left == current:
                case ConditionalExpressionSyntax conditional when conditional.Condition != current:
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access when access.Expression == current:
                    continue;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return model.GetDeclaredSymbol(declarator, cancellationToken);
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.Right == current:
                    return model.GetSymbolInfo(target, cancellationToken).Symbol;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// This trail, with the locals of <paramref name="function"/> whose value is computed from the path as
    /// holders too (<c>var body = Encode(Seal(code + name));</c>): the path shows the parts, not always the local.
    /// </summary>
    public FlowTrail WithLocalsFilledFromPath(SyntaxNode function, SemanticModel model, CancellationToken cancellationToken)
    {
        var holders = Holders.ToBuilder();
        foreach (var declarator in function.DescendantNodes().OfType<VariableDeclaratorSyntax>())
        {
            if (declarator.Initializer is { } initializer && Steps.Any(step => initializer.Value.Span.Contains(step.Span))
                && model.GetDeclaredSymbol(declarator, cancellationToken) is { } local)
            {
                holders.Add(local);
            }
        }

        return new FlowTrail(Steps, Values, holders.ToImmutable());
    }

    private static ISymbol? HolderOf(SyntaxNode step, SemanticModel model, CancellationToken cancellationToken) => step switch
    {
        VariableDeclaratorSyntax declarator => model.GetDeclaredSymbol(declarator, cancellationToken),
        ForEachStatementSyntax loop => model.GetDeclaredSymbol(loop, cancellationToken),
        SingleVariableDesignationSyntax designation => model.GetDeclaredSymbol(designation, cancellationToken),
        ParameterSyntax parameter => model.GetDeclaredSymbol(parameter, cancellationToken),
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } } assignment =>
            model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
        _ => null,
    };
}
