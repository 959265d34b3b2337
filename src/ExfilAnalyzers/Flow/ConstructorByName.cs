using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The constructor a <c>new</c> of a named type calls, told from the name where it can mean nothing else: one
/// type of this compilation has the name and arity, no referenced assembly has a type of that name, no alias
/// or type parameter in scope takes it, a qualifier ends in the type's own container, and the type has one
/// instance constructor.
/// </summary>
/// <remarks>
/// Binding the mention instead binds the whole member that holds it, with its nullable analysis, in every
/// new compilation: a registration method that creates a hundred services costs tens of milliseconds at the
/// first edit of any of them, only to learn that it calls that service's constructor. Where the name leaves
/// a doubt, the mention is bound as before. A caller the index finds is a candidate: its own analysis follows
/// the calls as they bind, so a creation told wrongly would cost an analysis, and would hide the caller from
/// the constructor it does call (hence one constructor, one type, nothing else the name can mean).
/// A creation that does not compile (a missing using) still counts as a call of the one constructor its name
/// can mean, as a half-typed call counts for its candidates.
/// </remarks>
internal sealed class ConstructorByName
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<(string Name, int Arity), IMethodSymbol?> _only = new();
    private HashSet<string>? _globalAliases;

    public ConstructorByName(Compilation compilation) => _compilation = compilation;

    /// <summary>The constructor the creation whose type the mention names calls; null when only binding can tell.</summary>
    public IMethodSymbol? Of(SyntaxNode mention, CancellationToken cancellationToken)
    {
        if (mention is not SimpleNameSyntax name || ConstructorMention.Bound(mention) is not ObjectCreationExpressionSyntax
            || name.Parent is AliasQualifiedNameSyntax { Alias.Identifier.ValueText: not "global" })
        {
            return null;
        }

        var text = name.Identifier.ValueText;
        if (TypeParameterInScope(name, text) || AliasInScope(name, text, cancellationToken))
        {
            return null;
        }

        var arity = name is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments.Count : 0;
        var constructor = _only.TryGetValue((text, arity), out var found) ? found : _only.GetOrAdd((text, arity), OnlyConstructor((text, arity), cancellationToken));
        return constructor is not null && QualifierFits(name, constructor.ContainingType) ? constructor : null;
    }

    private IMethodSymbol? OnlyConstructor((string Name, int Arity) key, CancellationToken cancellationToken)
    {
        INamedTypeSymbol? only = null;
        foreach (var symbol in _compilation.GetSymbolsWithName(key.Name, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is not INamedTypeSymbol type || type.Arity != key.Arity) continue;
            if (only is not null) return null;
            only = type;
        }

        if (only is not { TypeKind: TypeKind.Class or TypeKind.Struct, IsAbstract: false, IsStatic: false, InstanceConstructors.Length: 1 })
        {
            return null;
        }

        // A referenced assembly's type of the name (public or not, at any arity) may be the one a file imports.
        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.TypeNames.Contains(key.Name)) return null;
        }

        return only.InstanceConstructors[0];
    }

    /// <summary>A qualified name (<c>new Ns.T()</c>, <c>new Outer.T()</c>) must end in the type's own container.</summary>
    private static bool QualifierFits(SimpleNameSyntax name, INamedTypeSymbol type) =>
        name.Parent is not QualifiedNameSyntax qualified || qualified.Right != name
        || ConstructorMention.RightmostName(qualified.Left) == type.ContainingSymbol.Name;

    private static bool TypeParameterInScope(SyntaxNode node, string name)
    {
        for (var scope = node.Parent; scope is not null; scope = scope.Parent)
        {
            var parameters = scope switch
            {
                TypeDeclarationSyntax type => type.TypeParameterList,
                MethodDeclarationSyntax method => method.TypeParameterList,
                LocalFunctionStatementSyntax local => local.TypeParameterList,
                _ => null,
            };
            if (parameters is null) continue;
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name) return true;
            }
        }

        return false;
    }

    /// <summary>An alias of the name: declared around the mention, or global in any file of the compilation.</summary>
    private bool AliasInScope(SyntaxNode node, string name, CancellationToken cancellationToken)
    {
        for (var scope = node.Parent; scope is not null; scope = scope.Parent)
        {
            var usings = scope switch
            {
                BaseNamespaceDeclarationSyntax space => space.Usings,
                CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };
            foreach (var directive in usings)
            {
                if (directive.Alias?.Name.Identifier.ValueText == name) return true;
            }
        }

        return GlobalAliases(cancellationToken).Contains(name);
    }

    private HashSet<string> GlobalAliases(CancellationToken cancellationToken)
    {
        if (_globalAliases is { } known) return known;
        // From each tree's index, which an edit leaves built for every file but the edited one: no tree is parsed again.
        var aliases = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            aliases.UnionWith(TreeIndex.For(tree, cancellationToken).GlobalAliases);
        }

        return Interlocked.CompareExchange(ref _globalAliases, aliases, null) ?? aliases;
    }
}
