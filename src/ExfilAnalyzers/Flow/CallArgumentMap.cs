using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// What a method passes to each method of this compilation it calls, per parameter (how a callee's
/// parameters are instantiated for the fields it writes). Keyed by the callee's symbol when computed here;
/// by the callee's documentation id when taken over from the project's last compilation
/// (<see cref="CarriedSummary"/>), so that taking a summary over finds again only the callees asked about.
/// A composition root that creates 304 services names 304 constructors, and finding each again by its id
/// creates its type's members in the new compilation: about 40 ms at a keystroke, for the one or two asked.
/// </summary>
internal sealed class CallArgumentMap
{
    public static readonly CallArgumentMap Empty = new(ImmutableDictionary<IMethodSymbol, ImmutableArray<TaintValue>>.Empty, null, null);

    private readonly ImmutableDictionary<IMethodSymbol, ImmutableArray<TaintValue>>? _bySymbol;
    private readonly ImmutableDictionary<string, ImmutableArray<TaintValue>>? _byId;
    private readonly CarriedSymbols? _symbols;

    private CallArgumentMap(ImmutableDictionary<IMethodSymbol, ImmutableArray<TaintValue>>? bySymbol, ImmutableDictionary<string, ImmutableArray<TaintValue>>? byId,
        CarriedSymbols? symbols)
    {
        _bySymbol = bySymbol;
        _byId = byId;
        _symbols = symbols;
    }

    /// <summary>Arguments computed in this compilation, by the callee's original definition.</summary>
    public static CallArgumentMap Of(ImmutableDictionary<IMethodSymbol, ImmutableArray<TaintValue>> bySymbol) =>
        bySymbol.IsEmpty ? Empty : new(bySymbol, null, null);

    /// <summary>Arguments taken over, by the callee's documentation id, found again through this compilation's <paramref name="symbols"/>.</summary>
    public static CallArgumentMap Carried(ImmutableDictionary<string, ImmutableArray<TaintValue>> byId, CarriedSymbols symbols) =>
        byId.IsEmpty ? Empty : new(null, byId, symbols);

    public int Count => _bySymbol?.Count ?? _byId!.Count;

    /// <summary>
    /// What the method passes to the callee (an original definition). A carried entry answers only the one
    /// declaration its id names: two overloads that differ only in ref and out (half-typed code) share an id,
    /// and it answers neither.
    /// </summary>
    public bool TryGetValue(IMethodSymbol callee, out ImmutableArray<TaintValue> arguments)
    {
        if (_bySymbol is not null)
        {
            return _bySymbol.TryGetValue(callee, out arguments);
        }

        arguments = default;
        return _symbols!.IdOf(callee) is { } id && _byId!.TryGetValue(id, out arguments)
            && SymbolEqualityComparer.Default.Equals(_symbols.Find(id), callee);
    }

    /// <summary>
    /// The entries by the callee's id, to keep for the next compilation; null when a callee has no id that
    /// names it alone (see <see cref="TryGetValue"/>). Ids taken over are kept as they came.
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<TaintValue>>? ById(CarriedSymbols symbols) => ById(symbols, namesAlone: true);

    /// <param name="namesAlone">Whether each id must name its callee alone (to keep); to compare, two callees of one id differ in number.</param>
    private ImmutableDictionary<string, ImmutableArray<TaintValue>>? ById(CarriedSymbols symbols, bool namesAlone)
    {
        if (_byId is not null)
        {
            return _byId;
        }

        var byId = ImmutableDictionary.CreateBuilder<string, ImmutableArray<TaintValue>>(StringComparer.Ordinal);
        foreach (var pair in _bySymbol!)
        {
            if (symbols.IdOf(pair.Key) is not { } id || namesAlone && !symbols.NamesAlone(pair.Key, id)) return null;
            byId[id] = pair.Value;
        }

        return byId.ToImmutable();
    }

    /// <summary>
    /// The same callees, each passed values that <paramref name="same"/> reads alike. Beside a carried map, by
    /// ids, finding no callee again.
    /// </summary>
    public bool SameAs(CallArgumentMap other, Func<ImmutableArray<TaintValue>, ImmutableArray<TaintValue>, bool> same)
    {
        if (Count != other.Count)
        {
            return false;
        }

        if (_bySymbol is not null && other._bySymbol is not null)
        {
            foreach (var pair in _bySymbol)
            {
                if (!other._bySymbol.TryGetValue(pair.Key, out var values) || !same(pair.Value, values)) return false;
            }

            return true;
        }

        var symbols = _symbols ?? other._symbols!;
        if (ById(symbols, namesAlone: false) is not { } mine || other.ById(symbols, namesAlone: false) is not { } theirs || mine.Count != Count
            || theirs.Count != Count)
        {
            return false;
        }

        foreach (var pair in mine)
        {
            if (!theirs.TryGetValue(pair.Key, out var values) || !same(pair.Value, values)) return false;
        }

        return true;
    }
}
