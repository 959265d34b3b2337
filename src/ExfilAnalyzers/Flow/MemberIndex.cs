using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Which members of the compilation mention a name: the writers of a field, the callers of a method.
/// A private member is looked for only in its type's own files. Found through <see cref="NameIndex"/>,
/// without binding anything but the member that holds each mention.
/// </summary>
internal sealed class MemberIndex
{
    /// <summary>Bound on the members one question returns: bounds the fan-out of field and caller look-ups.</summary>
    public const int MaxMembers = 64;

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<(string Name, ISymbol? Scope), ImmutableArray<ISymbol>> _cache = new();

    public MemberIndex(Compilation compilation) => _compilation = compilation;

    /// <summary>The methods and initialized fields or properties whose code mentions <paramref name="name"/>.</summary>
    public ImmutableArray<ISymbol> Mentioning(string name, ISymbol target, CancellationToken cancellationToken)
    {
        var scope = target.DeclaredAccessibility == Accessibility.Private ? target.ContainingType : null;
        return _cache.GetOrAdd((name, scope), key => Find(key.Name, key.Scope, cancellationToken));
    }

    private ImmutableArray<ISymbol> Find(string name, ISymbol? scope, CancellationToken cancellationToken)
    {
        var members = new List<ISymbol>();
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in Trees(scope))
        {
            var positions = NameIndex.For(tree, cancellationToken).PositionsOf(name);
            if (positions.Count == 0)
            {
                continue;
            }

#pragma warning disable RS1030 // The analyzer driver serves a cached model for trees of the compilation being analysed.
            var model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            var root = tree.GetRoot(cancellationToken);
            foreach (var position in positions)
            {
                var holder = Holder(root.FindToken(position).Parent, model, cancellationToken);
                if (holder is not null && seen.Add(holder))
                {
                    members.Add(holder);
                    if (members.Count >= MaxMembers)
                    {
                        return members.ToImmutableArray();
                    }
                }
            }
        }

        return members.ToImmutableArray();
    }

    private IEnumerable<SyntaxTree> Trees(ISymbol? scope)
    {
        if (scope is null)
        {
            return _compilation.SyntaxTrees;
        }

        var trees = new List<SyntaxTree>();
        foreach (var reference in scope.DeclaringSyntaxReferences)
        {
            if (!trees.Contains(reference.SyntaxTree)) trees.Add(reference.SyntaxTree);
        }

        return trees;
    }

    /// <summary>The member whose code holds a node: a method, accessor or constructor, or a field or property with an initializer.</summary>
    private static ISymbol? Holder(SyntaxNode? node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseMethodDeclarationSyntax method:
                    return model.GetDeclaredSymbol(method, cancellationToken);
                case AccessorDeclarationSyntax accessor:
                    return model.GetDeclaredSymbol(accessor, cancellationToken);
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax } arrow:
                    return (model.GetDeclaredSymbol(arrow.Parent!, cancellationToken) as IPropertySymbol)?.GetMethod;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } declarator }:
                    return model.GetDeclaredSymbol(declarator, cancellationToken);
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    return model.GetDeclaredSymbol(property, cancellationToken);
                case GlobalStatementSyntax global:
                    return model.GetEnclosingSymbol(global.SpanStart, cancellationToken);
                case BaseTypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }
}
