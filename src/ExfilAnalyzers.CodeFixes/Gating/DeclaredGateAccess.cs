using System;
using System.Collections.Generic;
using System.Linq;
using ExfilAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Gating;

/// <summary>
/// A declared gate as the code at some position can test it: a static member through its type, an instance
/// member of the enclosing type by its name, or through a variable, parameter, field or property in scope.
/// </summary>
internal sealed class DeclaredGateAccess
{
    private readonly Func<Func<INamedTypeSymbol, TypeSyntax>, ExpressionSyntax> _build;

    private DeclaredGateAccess(string id, string display, Func<Func<INamedTypeSymbol, TypeSyntax>, ExpressionSyntax> build)
    {
        Id = id;
        Display = display;
        _build = build;
    }

    /// <summary>The gate's documentation-comment ID.</summary>
    public string Id { get; }

    public string Display { get; }

    public ExpressionSyntax Condition(Func<INamedTypeSymbol, TypeSyntax> typeName) => _build(typeName);

    /// <summary>The declared gates reachable at <paramref name="position"/>, in the models file's order.</summary>
    public static IEnumerable<DeclaredGateAccess> At(SemanticModel model, int position, DeclaredModels declared)
    {
        foreach (var gate in declared.Gates)
        {
            if (!model.IsAccessible(position, gate) || gate.GetDocumentationCommentId() is not { } id)
            {
                continue;
            }

            var type = gate.ContainingType;
            var display = type.Name + "." + gate.Name;
            if (gate.IsStatic)
            {
                yield return new DeclaredGateAccess(id, display, typeName => Read(typeName(type), gate));
                continue;
            }

            if (Receiver(model, position, type) is { } receiver)
            {
                yield return new DeclaredGateAccess(id, receiver.Length == 0 ? gate.Name : receiver + "." + gate.Name,
                    _ => Read(receiver.Length == 0 ? null : SyntaxFactory.IdentifierName(receiver), gate));
            }
        }
    }

    /// <summary>"" for 'this', the name of a variable or member of the gate's type, or null when nothing in scope has one.</summary>
    private static string? Receiver(SemanticModel model, int position, INamedTypeSymbol type)
    {
        var enclosing = model.GetEnclosingSymbol(position);
        var instance = enclosing is not null && !IsStaticContext(enclosing);
        if (instance && FrameworkTypes.IsOrDerivesFrom(enclosing!.ContainingType, type))
        {
            return "";
        }

        foreach (var symbol in model.LookupSymbols(position).OrderBy(s => ScopeOrder.Rank(s, enclosing)).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            var symbolType = symbol switch
            {
                ILocalSymbol local when local.Locations.All(l => l.SourceSpan.Start < position) => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field when field.IsStatic || instance => field.Type,
                IPropertySymbol { IsIndexer: false } property when property.IsStatic || instance => property.Type,
                _ => null,
            };
            if (symbolType is not null && symbolType.NullableAnnotation != NullableAnnotation.Annotated && FrameworkTypes.IsOrDerivesFrom(symbolType, type))
            {
                return symbol.Name;
            }
        }

        return null;
    }

    private static bool IsStaticContext(ISymbol enclosing)
    {
        for (var symbol = enclosing; symbol is not null and not INamedTypeSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.IsStatic)
            {
                return true;
            }
        }

        return false;
    }

    private static ExpressionSyntax Read(ExpressionSyntax? receiver, ISymbol gate)
    {
        ExpressionSyntax member = receiver is null
            ? SyntaxFactory.IdentifierName(gate.Name)
            : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(gate.Name));
        return gate is IMethodSymbol ? SyntaxFactory.InvocationExpression(member) : member;
    }
}
