using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Where a type's name stands for its constructor: the name after <c>new</c>, qualified or not; and the calls
/// of one that do not name its type: constructor initializers (<c>base(...)</c>, <c>this(...)</c>), a primary
/// constructor's base call, and target-typed creations (<c>Stored s = new(x)</c>).
/// </summary>
internal static class ConstructorMention
{
    /// <summary>
    /// A primary constructor's declaration, its type's (<c>class C(int x) : Base(x)</c>): its body is the call of
    /// the base constructor, and the type's initializers read its parameters.
    /// </summary>
    public static bool IsPrimary(SyntaxNode declaration) => declaration is TypeDeclarationSyntax { ParameterList: not null };

    /// <summary>A constructor declared by its type's parameter list (<c>class C(int x)</c>).</summary>
    public static bool IsPrimaryConstructor(IMethodSymbol constructor)
    {
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (IsPrimary(reference.GetSyntax())) return true;
        }

        return false;
    }

    /// <summary>A primary constructor's parameter list, a member of the tree index that declares what the type's members capture.</summary>
    public static bool IsPrimaryParameterList(SyntaxNode member) => member is ParameterListSyntax { Parent: TypeDeclarationSyntax };

    /// <summary>The member node that holds a primary constructor's code: the arguments of its base call (<see cref="TreeIndex.NameOf"/>).</summary>
    public static bool IsPrimaryBaseCall(SyntaxNode member) => member is ArgumentListSyntax { Parent: PrimaryConstructorBaseTypeSyntax };

    /// <summary>
    /// The primary constructor whose base call holds the node (<c>Base(x)</c> in <c>class C(int x) : Base(x)</c>);
    /// null outside one.
    /// </summary>
    public static IMethodSymbol? PrimaryCalling(PrimaryConstructorBaseTypeSyntax baseCall, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        if (baseCall.Parent?.Parent is not TypeDeclarationSyntax type || model.GetDeclaredSymbol(type, cancellationToken) is not { } declared)
        {
            return null;
        }

        foreach (var constructor in declared.InstanceConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == type.SyntaxTree && reference.Span == type.Span) return constructor;
            }
        }

        return null;
    }

    /// <summary>
    /// The type whose constructor is called at a token that names none: the <c>base</c> or <c>this</c> of a
    /// constructor initializer, the open parenthesis of a primary constructor's base call, and the <c>new</c>
    /// of a target-typed creation given arguments whose target's type is written beside it. The token stands
    /// as a mention of that type's name, so that the member index finds these calls among the constructor's
    /// callers. Null for any other token.
    /// </summary>
    public static string? TypeCalledAt(SyntaxToken token) => token.Parent switch
    {
        ConstructorInitializerSyntax initializer when token == initializer.ThisOrBaseKeyword => TypeNamed(initializer),
        ArgumentListSyntax { Parent: PrimaryConstructorBaseTypeSyntax baseCall } list when token == list.OpenParenToken => RightmostName(baseCall.Type),
        ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation when token == creation.NewKeyword => TargetTypeName(creation),
        _ => null,
    };

    /// <summary>
    /// The simple name of the type a target-typed creation makes, where the syntax says it: the declared type of the
    /// variable, field or property it initializes, or the return type of the member whose expression body it is.
    /// Elsewhere (an argument, an assignment, a return statement) only binding would tell; null.
    /// </summary>
    private static string? TargetTypeName(ImplicitObjectCreationExpressionSyntax creation) => creation.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } => RightmostName(declaration.Type),
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => RightmostName(property.Type),
        ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } => RightmostName(method.ReturnType),
        ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => RightmostName(property.Type),
        ArrowExpressionClauseSyntax { Parent: LocalFunctionStatementSyntax local } => RightmostName(local.ReturnType),
        _ => null,
    };

    /// <summary>
    /// The simple name of the type whose constructor an initializer calls: the containing type's for
    /// <c>this(...)</c>, the first of the base list for <c>base(...)</c> (a class comes first there); null
    /// when it names none (the base is object, or the code is half-typed).
    /// </summary>
    private static string? TypeNamed(ConstructorInitializerSyntax initializer)
    {
        if (initializer.Parent?.Parent is not TypeDeclarationSyntax type)
        {
            return null;
        }

        if (initializer.ThisOrBaseKeyword.IsKind(SyntaxKind.ThisKeyword))
        {
            return type.Identifier.ValueText;
        }

        return type.BaseList is { Types.Count: > 0 } bases ? RightmostName(bases.Types[0].Type) : null;
    }

    /// <summary>The simple name a type's syntax ends in (<c>T</c> of <c>Ns.T</c>, <c>global::T</c>, <c>T?</c>); null for any other type.</summary>
    internal static string? RightmostName(TypeSyntax type) => type switch
    {
        NullableTypeSyntax nullable => RightmostName(nullable.ElementType),
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The creation a mention of a type's name makes (<c>new T()</c>, <c>new Ns.T()</c>,
    /// <c>new global::Ns.T&lt;int&gt;()</c>), or the base call of a primary constructor whose arguments stand
    /// for it (<see cref="TypeCalledAt"/>), which binds to the constructor; otherwise the mention itself.
    /// </summary>
    public static SyntaxNode Bound(SyntaxNode mention)
    {
        var name = mention;
        while (name.Parent is QualifiedNameSyntax qualified && qualified.Right == name
            || name.Parent is AliasQualifiedNameSyntax alias && alias.Name == name)
        {
            name = name.Parent;
        }

        return name.Parent switch
        {
            ObjectCreationExpressionSyntax creation when creation.Type == name => creation,
            PrimaryConstructorBaseTypeSyntax baseCall when name is ArgumentListSyntax => baseCall,
            _ => mention,
        };
    }
}
