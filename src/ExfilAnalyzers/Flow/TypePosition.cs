using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Where a name can only stand for a type or a namespace, never for a member or a constructor call: the
/// type of a declaration, a cast, a type argument, a qualifier. The member index asks about members only,
/// so it need not bind these mentions.
/// </summary>
internal static class TypePosition
{
    public static bool Holds(SyntaxNode mention)
    {
        if (mention is not SimpleNameSyntax)
        {
            return false;
        }

        var name = mention;
        while (name.Parent is QualifiedNameSyntax qualified)
        {
            // The left of a qualified name is a namespace or a type.
            if (qualified.Left == name) return true;
            name = qualified;
        }

        if (name.Parent is AliasQualifiedNameSyntax alias && alias.Name == name)
        {
            name = alias;
        }

        return name.Parent switch
        {
            VariableDeclarationSyntax declaration => declaration.Type == name,
            ParameterSyntax parameter => parameter.Type == name,
            TypeArgumentListSyntax or TypeConstraintSyntax or SimpleBaseTypeSyntax => true,
            CastExpressionSyntax cast => cast.Type == name,
            TypeOfExpressionSyntax or DefaultExpressionSyntax or SizeOfExpressionSyntax => true,
            ArrayTypeSyntax or NullableTypeSyntax or PointerTypeSyntax or RefTypeSyntax or TupleElementSyntax => true,
            MethodDeclarationSyntax method => method.ReturnType == name,
            LocalFunctionStatementSyntax local => local.ReturnType == name,
            DelegateDeclarationSyntax declared => declared.ReturnType == name,
            BasePropertyDeclarationSyntax property => property.Type == name,
            OperatorDeclarationSyntax op => op.ReturnType == name,
            ConversionOperatorDeclarationSyntax conversion => conversion.Type == name,
            CatchDeclarationSyntax catchDeclaration => catchDeclaration.Type == name,
            ForEachStatementSyntax loop => loop.Type == name,
            DeclarationExpressionSyntax declared => declared.Type == name,
            DeclarationPatternSyntax pattern => pattern.Type == name,
            RecursivePatternSyntax pattern => pattern.Type == name,
            _ => false,
        };
    }
}
