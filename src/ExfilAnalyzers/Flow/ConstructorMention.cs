using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>Where a type's name stands for its constructor: the name after <c>new</c>, qualified or not.</summary>
internal static class ConstructorMention
{
    /// <summary>
    /// The creation a mention of a type's name makes (<c>new T()</c>, <c>new Ns.T()</c>,
    /// <c>new global::Ns.T&lt;int&gt;()</c>), which binds to the constructor; otherwise the mention itself.
    /// </summary>
    public static SyntaxNode Bound(SyntaxNode mention)
    {
        var name = mention;
        while (name.Parent is QualifiedNameSyntax qualified && qualified.Right == name
            || name.Parent is AliasQualifiedNameSyntax alias && alias.Name == name)
        {
            name = name.Parent;
        }

        return name.Parent is ObjectCreationExpressionSyntax creation && creation.Type == name ? creation : mention;
    }
}
