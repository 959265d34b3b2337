using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Redaction;

/// <summary>
/// A value whose member name the compiler infers from it (<c>new { symbol.Name }</c>, <c>(symbol.Name, 1)</c>)
/// keeps that name when it is wrapped: <c>new { Name = Redact(symbol.Name) }</c>.
/// </summary>
internal static class InferredName
{
    /// <summary>The node to replace and its replacement: the value, or the member declarator or tuple element that names it.</summary>
    public static (SyntaxNode Target, SyntaxNode Replacement) Keep(ExpressionSyntax value, ExpressionSyntax replacement)
    {
        switch (value.Parent)
        {
            case AnonymousObjectMemberDeclaratorSyntax { NameEquals: null } member when NameOf(value) is { } name:
                return (member, member
                    .WithNameEquals(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName(name), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space))
                        .WithTrailingTrivia(SyntaxFactory.Space))
                    .WithExpression(replacement.WithoutLeadingTrivia())
                    .WithLeadingTrivia(value.GetLeadingTrivia()));
            case ArgumentSyntax { NameColon: null, Parent: TupleExpressionSyntax } element when NameOf(value) is { } name:
                return (element, element
                    .WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(name)).WithTrailingTrivia(SyntaxFactory.Space))
                    .WithExpression(replacement.WithoutLeadingTrivia())
                    .WithLeadingTrivia(value.GetLeadingTrivia()));
            default:
                return (value, replacement);
        }
    }

    private static string? NameOf(ExpressionSyntax value) => value switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax binding } => binding.Name.Identifier.ValueText,
        _ => null,
    };
}
