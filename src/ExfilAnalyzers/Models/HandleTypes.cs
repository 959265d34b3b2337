using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Models;

/// <summary>
/// Types whose objects are handles to sensitive data, not the data: a symbol, a document, a project,
/// a syntax node, a commit. Their content is read only through the members the models make sources,
/// each of which yields a fresh, labelled value; the object itself carries nothing. So a handle that
/// an unmodelled call returns (a solution forked from a tainted state, the symbols a tainted key
/// resolves to) is clean: otherwise one tainted value spreads to every object derived from it.
/// A type the user can fill (a settable property or field, as in a protocol message) is data, not a
/// handle. Decided once per type per compilation.
/// </summary>
internal sealed class HandleTypes
{
    private readonly HashSet<INamedTypeSymbol> _declaringSources;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _cache = new(SymbolEqualityComparer.Default);

    public HandleTypes(HashSet<INamedTypeSymbol> declaringSources)
    {
        _declaringSources = declaringSources;
    }

    /// <summary>The same decisions for another compilation's types: the cache holds this compilation's.</summary>
    public HandleTypes WithEmptyCache() => new(_declaringSources);

    public bool IsHandle(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsValueType: false, TypeKind: TypeKind.Class or TypeKind.Interface } && _declaringSources.Count > 0
        && _cache.GetOrAdd(type, Decide);

    private bool Decide(ITypeSymbol type) => DeclaresSources(type) && !IsFillable(type);

    private bool DeclaresSources(ITypeSymbol type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (_declaringSources.Contains(current.OriginalDefinition)) return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (_declaringSources.Contains(@interface.OriginalDefinition)) return true;
        }

        return false;
    }

    private static bool IsFillable(ITypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public) continue;
                if (member is IPropertySymbol { SetMethod.DeclaredAccessibility: Accessibility.Public }) return true;
                if (member is IFieldSymbol { IsReadOnly: false, IsConst: false }) return true;
            }
        }

        return false;
    }
}
