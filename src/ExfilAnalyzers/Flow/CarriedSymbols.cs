using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The source symbols carried answers name (the state a summary writes or read, the methods it passes
/// arguments to), by documentation id, for one compilation: ids made for what it keeps, symbols found
/// for what it takes over. Both are asked many times for the same few symbols, so both are remembered.
/// </summary>
internal sealed class CarriedSymbols
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<ISymbol, string?> _ids = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, ISymbol?> _found = new(System.StringComparer.Ordinal);

    public CarriedSymbols(Compilation compilation) => _compilation = compilation;

    /// <summary>The id of a declaration in this compilation's code; null for any other symbol (metadata, constructed, implicit, a parameter).</summary>
    public string? IdOf(ISymbol symbol) => _ids.TryGetValue(symbol, out var id) ? id : _ids.GetOrAdd(symbol, MakeId);

    /// <summary>
    /// The one declaration in this compilation's code the id names; null when there is none, or more than
    /// one. A referenced project or assembly may declare the same (Roslyn's assemblies each compile their
    /// own copy of shared helpers): its declarations are not this code's, so they do not make the id ambiguous.
    /// </summary>
    public ISymbol? Find(string id) => _found.TryGetValue(id, out var symbol) ? symbol : _found.GetOrAdd(id, FindOnce);

    /// <summary>
    /// True when no other member of the symbol's type shares its id (overloads that differ only in ref and out
    /// do): the id, found again, names it alone. Asked of the symbol's own type, not through the compilation's
    /// look-up, which would create the members of every type named on the way.
    /// </summary>
    public bool NamesAlone(ISymbol symbol, string id)
    {
        if (symbol.ContainingType is not { } type)
        {
            return true;
        }

        foreach (var sibling in type.GetMembers(symbol.Name))
        {
            if (!SymbolEqualityComparer.Default.Equals(sibling, symbol) && IdOf(sibling) == id) return false;
        }

        return true;
    }

    /// <summary>How many ids were looked for: what taking answers over cost this compilation (for tests).</summary>
    internal int Looked => _found.Count;

    // Only declarations have ids: a primary constructor's parameter, read by another member as state, has none (the
    // compiler's id maker throws for it).
    private static string? MakeId(ISymbol symbol) =>
        symbol.Kind is not (SymbolKind.Field or SymbolKind.Property or SymbolKind.Event or SymbolKind.Method or SymbolKind.NamedType or SymbolKind.Namespace)
        || symbol.DeclaringSyntaxReferences.IsEmpty || symbol.IsImplicitlyDeclared || !ReferenceEquals(symbol, symbol.OriginalDefinition)
        || DocumentationCommentId.CreateDeclarationId(symbol) is not { Length: > 0 } id
            ? null
            : id;

    private ISymbol? FindOnce(string id)
    {
        // Overloads that differ only in ref and out share an id: such an id names nothing for sure.
        ISymbol? found = null;
        foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, _compilation))
        {
            if (symbol.DeclaringSyntaxReferences.IsEmpty || !SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _compilation.Assembly))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = symbol;
        }

        return found;
    }
}
