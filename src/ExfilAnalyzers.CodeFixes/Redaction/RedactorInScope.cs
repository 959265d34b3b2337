using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ExfilAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Redaction;

/// <summary>
/// A way to redact a string that the code at some position can already reach: a Redactor or
/// IRedactorProvider (local, parameter, field or property), or a sanitizer declared in ExfilModels.txt
/// (static, or an instance method on something in scope).
/// </summary>
internal sealed class RedactorInScope
{
    private readonly Func<Func<INamedTypeSymbol, TypeSyntax>, ExpressionSyntax, bool, ExpressionSyntax> _wrap;

    private RedactorInScope(string name, Func<Func<INamedTypeSymbol, TypeSyntax>, ExpressionSyntax, bool, ExpressionSyntax> wrap)
    {
        Name = name;
        _wrap = wrap;
    }

    /// <summary>How the code names it, as the action's title shows it.</summary>
    public string Name { get; }

    /// <summary>
    /// The call that redacts <paramref name="value"/>, naming types as <paramref name="typeName"/> says;
    /// <paramref name="maybeNull"/> when the value can be null there.
    /// </summary>
    public ExpressionSyntax Wrap(Func<INamedTypeSymbol, TypeSyntax> typeName, ExpressionSyntax value, bool maybeNull) => _wrap(typeName, value, maybeNull);

    /// <summary>Every redactor reachable at <paramref name="position"/>: variables nearest first, then members, then sanitizers.</summary>
    public static ImmutableArray<RedactorInScope> At(SemanticModel model, int position, FrameworkTypes types, DeclaredModels declared)
    {
        var found = new List<RedactorInScope>();
        var instanceContext = IsInstanceContext(model, position);
        var enclosing = model.GetEnclosingSymbol(position);
        var variables = model.LookupSymbols(position)
            .Where(symbol => IsUsable(symbol, position, instanceContext))
            .OrderBy(symbol => ScopeOrder.Rank(symbol, enclosing))
            .ThenByDescending(symbol => symbol is ILocalSymbol or IParameterSymbol ? symbol.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0 : 0)
            .ThenBy(symbol => symbol.Name, StringComparer.Ordinal);
        foreach (var symbol in variables)
        {
            var type = TypeOf(symbol);
            if (type is null || type.NullableAnnotation == NullableAnnotation.Annotated)
            {
                continue;
            }

            if (FrameworkTypes.IsOrDerivesFrom(type, types.Redactor))
            {
                found.Add(new RedactorInScope(symbol.Name, (_, value, _) => Call(Identifier(symbol.Name), "Redact", value)));
            }
            else if (FrameworkTypes.IsOrDerivesFrom(type, types.RedactorProvider) && types.DataClassification is { } classification)
            {
                found.Add(new RedactorInScope(symbol.Name, (typeName, value, _) =>
                {
                    var unknown = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                        typeName(classification), SyntaxFactory.IdentifierName("Unknown"));
                    return Call(Call(Identifier(symbol.Name), "GetRedactor", unknown), "Redact", value);
                }));
            }
        }

        foreach (var sanitizer in declared.Sanitizers)
        {
            if (SanitizerCall(model, position, sanitizer, instanceContext, found.Select(r => r.Name)) is { } call)
            {
                found.Add(call);
            }
        }

        return found.GroupBy(r => r.Name, StringComparer.Ordinal).Select(g => g.First()).ToImmutableArray();
    }

    private static RedactorInScope? SanitizerCall(SemanticModel model, int position, IMethodSymbol sanitizer, bool instanceContext, IEnumerable<string> taken)
    {
        if (!model.IsAccessible(position, sanitizer))
        {
            return null;
        }

        var display = sanitizer.ContainingType.Name + "." + sanitizer.Name;
        if (sanitizer.IsStatic)
        {
            return new RedactorInScope(display, (typeName, value, maybeNull) =>
                Call(typeName(sanitizer.ContainingType), sanitizer.Name, NotNull(sanitizer, value, maybeNull)));
        }

        var enclosing = model.GetEnclosingSymbol(position);
        if (instanceContext && FrameworkTypes.IsOrDerivesFrom(enclosing?.ContainingType, sanitizer.ContainingType))
        {
            return new RedactorInScope(sanitizer.Name, (_, value, maybeNull) => Call(Identifier(sanitizer.Name), NotNull(sanitizer, value, maybeNull)));
        }

        foreach (var symbol in model.LookupSymbols(position).OrderBy(s => ScopeOrder.Rank(s, enclosing)).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            if (IsUsable(symbol, position, instanceContext) && FrameworkTypes.IsOrDerivesFrom(TypeOf(symbol), sanitizer.ContainingType)
                && TypeOf(symbol)?.NullableAnnotation != NullableAnnotation.Annotated)
            {
                var name = symbol.Name + "." + sanitizer.Name;
                return taken.Contains(name) ? null : new RedactorInScope(name, (_, value, maybeNull) => Call(Identifier(symbol.Name), sanitizer.Name, NotNull(sanitizer, value, maybeNull)));
            }
        }

        return null;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
        _ => null,
    };

    private static bool IsUsable(ISymbol symbol, int position, bool instanceContext) => symbol switch
    {
        // A local declared further down is in scope but not yet usable (CS0841).
        ILocalSymbol local => local.Locations.All(l => l.SourceSpan.Start < position),
        IParameterSymbol => true,
        IFieldSymbol or IPropertySymbol => symbol.IsStatic || instanceContext,
        _ => false,
    };

    /// <summary>True when 'this' exists at the position: not in a static member or a static local function or lambda.</summary>
    private static bool IsInstanceContext(SemanticModel model, int position)
    {
        for (var symbol = model.GetEnclosingSymbol(position); symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (symbol.IsStatic)
            {
                return false;
            }

            if (symbol is IMethodSymbol { MethodKind: not (MethodKind.AnonymousFunction or MethodKind.LocalFunction) } or IPropertySymbol or IFieldSymbol)
            {
                return true;
            }

            if (symbol is INamedTypeSymbol)
            {
                return false;
            }
        }

        return false;
    }

    private static ExpressionSyntax Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
        ? SyntaxFactory.IdentifierName(SyntaxFactory.VerbatimIdentifier(SyntaxFactory.TriviaList(), "@" + name, name, SyntaxFactory.TriviaList()))
        : SyntaxFactory.IdentifierName(name);

    /// <summary>A value that may be null, for a sanitizer whose parameter says it may not: <c>value ?? ""</c>.</summary>
    private static ExpressionSyntax NotNull(IMethodSymbol sanitizer, ExpressionSyntax value, bool maybeNull) =>
        maybeNull && sanitizer.Parameters[0].NullableAnnotation == NullableAnnotation.NotAnnotated
            ? SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, value.WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.QuestionQuestionToken).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("")))
            : value;

    private static ExpressionSyntax Call(ExpressionSyntax method, ExpressionSyntax argument) =>
        SyntaxFactory.InvocationExpression(method, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))));

    private static ExpressionSyntax Call(ExpressionSyntax receiver, string member, ExpressionSyntax argument) =>
        Call(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(member)), argument);
}
