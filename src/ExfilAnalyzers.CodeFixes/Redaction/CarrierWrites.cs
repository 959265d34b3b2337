using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Redaction;

/// <summary>
/// What a function writes into the object its sink call sends, before sending it: calls on it
/// (<c>properties.Add(k, v)</c>, <c>http.DefaultRequestHeaders.Add(k, v)</c>), stores into it
/// (<c>properties["k"] = v</c>, <c>item.Properties["k"] = v</c>) and its initializer. All of them, not only the
/// one the diagnostic's path shows: a path shows one flow, and a sink gets one diagnostic per category.
/// </summary>
internal static class CarrierWrites
{
    /// <summary>The written expressions (argument lists, assigned values, the initializer) for the object at <paramref name="primary"/>.</summary>
    public static IEnumerable<SyntaxNode> Of(SyntaxNode primary, SemanticModel model, CancellationToken cancellationToken)
    {
        var carrierNode = primary is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax receiver } ? receiver.Expression : primary;
        if (Root(carrierNode, model, cancellationToken) is not { } carrier
            || primary.Ancestors().FirstOrDefault(IsFunction) is not { } function)
        {
            yield break;
        }

        foreach (var node in function.DescendantNodes().TakeWhile(n => n.SpanStart < primary.SpanStart))
        {
            var written = node switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                    when Is(carrier, Root(access.Expression, model, cancellationToken)) => call.ArgumentList,
                AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax or MemberAccessExpressionSyntax } store
                    when Is(carrier, Root(Target(store.Left), model, cancellationToken)) => store.Right,
                VariableDeclaratorSyntax { Initializer: { } initializer } declarator
                    when Is(carrier, model.GetDeclaredSymbol(declarator, cancellationToken)) => initializer.Value,
                _ => (SyntaxNode?)null,
            };
            if (written is not null)
            {
                yield return written;
            }
        }
    }

    /// <summary>A node whose body is one function's code: a member, accessor, local function, lambda or the top-level program.</summary>
    public static bool IsFunction(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax
            or CompilationUnitSyntax;

    private static bool Is(ISymbol carrier, ISymbol? symbol) => SymbolEqualityComparer.Default.Equals(carrier, symbol);

    private static ExpressionSyntax Target(ExpressionSyntax left) => left switch
    {
        ElementAccessExpressionSyntax element => element.Expression,
        MemberAccessExpressionSyntax member => member.Expression,
        _ => left,
    };

    /// <summary>The local, parameter, field or property an expression like <c>a.B.C[k]</c> starts from.</summary>
    private static ISymbol? Root(SyntaxNode expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var current = expression;
        while (true)
        {
            switch (current)
            {
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member:
                    return Variable(model.GetSymbolInfo(member, cancellationToken).Symbol);
                case MemberAccessExpressionSyntax member:
                    current = member.Expression;
                    break;
                case ElementAccessExpressionSyntax element:
                    current = element.Expression;
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    current = parenthesized.Expression;
                    break;
                case IdentifierNameSyntax name:
                    return Variable(model.GetSymbolInfo(name, cancellationToken).Symbol);
                default:
                    return null;
            }
        }
    }

    private static ISymbol? Variable(ISymbol? symbol) => symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol ? symbol : null;
}
