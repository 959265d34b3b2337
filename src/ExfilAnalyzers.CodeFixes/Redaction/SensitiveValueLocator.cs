using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Redaction;

/// <summary>
/// Finds the string expressions that carry a diagnostic's data into its sink: what a redaction wraps and a
/// removal takes out. The diagnostic points at the sink argument (or at the call, when the data rides in the
/// receiver); its path says which part of that argument holds the data (a dictionary entry, an interpolation
/// hole, a params element) or, when the argument is an object filled earlier, which write put the data in.
/// A value is taken as close to the sink as possible, so that the data keeps its meaning elsewhere.
/// </summary>
internal static class SensitiveValueLocator
{
    public static ImmutableArray<ExpressionSyntax> Locate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return ImmutableArray<ExpressionSyntax>.Empty;
        }

        var primary = Unwrap(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
        var callee = model.GetSymbolInfo(Common.SinkMarks.SinkOf(primary), cancellationToken).Symbol as IMethodSymbol;
        var trail = FlowTrail.Read(root, model, diagnostic, callee, cancellationToken);
        if (primary.Ancestors().FirstOrDefault(CarrierWrites.IsFunction) is { } function)
        {
            trail = trail.WithLocalsFilledFromPath(function, model, cancellationToken);
        }

        return Locate(primary, trail, model, cancellationToken);
    }

    public static ImmutableArray<ExpressionSyntax> Locate(SyntaxNode primary, FlowTrail trail, SemanticModel model, CancellationToken cancellationToken)
    {
        var inside = ValuesWithin(primary, trail, model, cancellationToken);
        if (!inside.IsEmpty)
        {
            return inside;
        }

        if (primary is ExpressionSyntax expression && IsString(expression, model, cancellationToken) && IsValuePosition(expression))
        {
            return ImmutableArray.Create(expression);
        }

        // The argument is an object (a dictionary, a telemetry item, the client itself) filled earlier: first
        // every write into it that the path's values or variables show, then the latest step of the path.
        var written = CarrierWrites.Of(primary, model, cancellationToken)
            .SelectMany(region => ValuesWithin(region, trail, model, cancellationToken))
            .ToList();
        if (written.Count > 0)
        {
            return Outermost(written);
        }

        for (var i = trail.Steps.Length - 1; i >= 0; i--)
        {
            var step = trail.Steps[i];
            if (primary.Span.Contains(step.Span))
            {
                continue;
            }

            foreach (var region in WrittenRegions(step))
            {
                var values = ValuesWithin(region, trail, model, cancellationToken);
                if (!values.IsEmpty)
                {
                    return values;
                }

                if (region is ExpressionSyntax value && IsString(value, model, cancellationToken) && IsValuePosition(value))
                {
                    return ImmutableArray.Create(value);
                }
            }
        }

        return ImmutableArray<ExpressionSyntax>.Empty;
    }

    private static ImmutableArray<ExpressionSyntax> Outermost(List<ExpressionSyntax> found) => found
        .Where(value => !found.Any(other => other.Span != value.Span && other.Span.Contains(value.Span)))
        .GroupBy(value => value.Span).Select(group => group.First())
        .OrderBy(value => value.SpanStart)
        .ToImmutableArray();

    public static bool IsString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType == SpecialType.System_String;

    private static SyntaxNode Unwrap(SyntaxNode node) => node is ArgumentSyntax argument ? argument.Expression : node;

    /// <summary>
    /// Where a step put data: what it hands on (<see cref="FlowTrail.ValuesOf"/>), except that a call
    /// gives its arguments, then the call itself, and an initializer is searched as a whole.
    /// </summary>
    private static IEnumerable<SyntaxNode> WrittenRegions(SyntaxNode step) => step switch
    {
        InvocationExpressionSyntax invocation => new SyntaxNode[] { invocation.ArgumentList, invocation },
        InitializerExpressionSyntax => new[] { step },
        _ => FlowTrail.ValuesOf(step),
    };

    /// <summary>The outermost string expressions in <paramref name="region"/> that the path passes through.</summary>
    private static ImmutableArray<ExpressionSyntax> ValuesWithin(SyntaxNode region, FlowTrail trail, SemanticModel model, CancellationToken cancellationToken)
    {
        var found = new List<ExpressionSyntax>();
        foreach (var value in trail.Values)
        {
            // The region itself is no evidence of which part of it holds the data.
            if (region.Span.Contains(value.Span) && value.Span != region.Span && value is ExpressionSyntax expression)
            {
                Add(Climb(expression, region, model, cancellationToken));
            }
        }

        if (!trail.Holders.IsEmpty)
        {
            foreach (var name in region.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(name, cancellationToken).Symbol is { } symbol && trail.Holders.Contains(symbol))
                {
                    Add(Climb(name, region, model, cancellationToken));
                }
            }
        }

        return Outermost(found);

        void Add(ExpressionSyntax? value)
        {
            if (value is not null && !found.Any(other => other.Span == value.Span))
            {
                found.Add(value);
            }
        }
    }

    /// <summary>
    /// From a node the data passes through, up to the largest string expression that is still only that value:
    /// through parentheses, casts, '??' fallbacks, '?.' accesses and string-valued members of it
    /// (<c>output.Trim()</c>, <c>text.ToString()</c>), but not into the string it is part of (a concatenation,
    /// an interpolation) or the call it is an argument of. A value whose climb ends in a member that is not a
    /// string (<c>code.Length</c>) does not carry the data there, and is no value.
    /// </summary>
    private static ExpressionSyntax? Climb(ExpressionSyntax start, SyntaxNode region, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax? best = null;
        for (var current = start; ;)
        {
            if (IsValuePosition(current) && IsString(current, model, cancellationToken))
            {
                best = current;
            }

            var next = Up(current);
            if (next is null || !region.Span.Contains(next.Span))
            {
                return best;
            }

            if (IsMemberOfValue(next, current))
            {
                // A member of the value: it carries the data on only if it is text itself.
                if (next is MemberAccessExpressionSyntax access && access.Parent is InvocationExpressionSyntax call && call.Expression == access)
                {
                    next = call;
                }

                if (!IsString(next, model, cancellationToken))
                {
                    return null;
                }
            }

            current = next;
        }
    }

    /// <summary>True when <paramref name="next"/> reads a member of <paramref name="current"/> (rather than completing it).</summary>
    private static bool IsMemberOfValue(ExpressionSyntax next, ExpressionSyntax current) => next switch
    {
        MemberAccessExpressionSyntax access => access.Expression == current,
        ConditionalAccessExpressionSyntax access => access.Expression == current,
        _ => false,
    };

    private static ExpressionSyntax? Up(ExpressionSyntax current) => current.Parent switch
    {
        ParenthesizedExpressionSyntax parenthesized => parenthesized,
        CastExpressionSyntax cast => cast,
        PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression) => suppressed,
        AwaitExpressionSyntax awaited => awaited,
        ConditionalAccessExpressionSyntax access => access,
        MemberBindingExpressionSyntax binding => binding,
        MemberAccessExpressionSyntax access when access.Expression == current => access,
        InvocationExpressionSyntax invocation when invocation.Expression == current => invocation,
        BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) && coalesce.Left == current => coalesce,
        ConditionalExpressionSyntax conditional when conditional.Condition != current => conditional,
        _ => null,
    };

    /// <summary>An expression that can be replaced by another of its type: not a member name, a binding or an assignment target.</summary>
    public static bool IsValuePosition(ExpressionSyntax expression) => expression.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == expression,
        MemberBindingExpressionSyntax => false,
        ConditionalAccessExpressionSyntax access => access.WhenNotNull != expression,
        AssignmentExpressionSyntax assignment => assignment.Right == expression,
        ArgumentSyntax argument => argument.RefKindKeyword.IsKind(SyntaxKind.None),
        InvocationExpressionSyntax invocation => invocation.Expression != expression,
        NameColonSyntax or NameEqualsSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax => false,
        _ => expression is not MemberBindingExpressionSyntax,
    };
}
