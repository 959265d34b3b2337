using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Gating;

/// <summary>The condition of the generated opt-in check: <c>TelemetryOptIn.IsEnabled</c>.</summary>
internal static class ConsentConditions
{
    public static ExpressionSyntax OptIn(TypeSyntax helper) =>
        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, helper, SyntaxFactory.IdentifierName(OptInHelper.PropertyName));
}
