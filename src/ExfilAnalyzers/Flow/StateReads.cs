using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The level-dependent state (fields and properties that members able to store sensitive data write)
/// that computing a summary read, in it and in everything it called. The summary is also the one at
/// another level where every piece of it holds the same value (<see cref="SummaryStore"/>). A summary
/// that read more than <see cref="MaxFields"/> pieces of state is <see cref="LevelBound"/>: it holds
/// at the level it was computed at only.
/// </summary>
internal sealed class StateReads
{
    /// <summary>Bound on the state one summary remembers reading; beyond it, it is <see cref="LevelBound"/>.</summary>
    public const int MaxFields = 256;

    public static readonly StateReads None = new(ImmutableArray<ISymbol>.Empty, false);

    public static readonly StateReads LevelBound = new(ImmutableArray<ISymbol>.Empty, true);

    private StateReads(ImmutableArray<ISymbol> fields, bool levelBound)
    {
        Fields = fields;
        IsLevelBound = levelBound;
    }

    /// <summary>The state read; empty when <see cref="IsLevelBound"/>.</summary>
    public ImmutableArray<ISymbol> Fields { get; }

    public bool IsLevelBound { get; }

    /// <summary>True when the summary may depend on the level it was computed at.</summary>
    public bool Any => IsLevelBound || !Fields.IsEmpty;

    public static StateReads Of(HashSet<ISymbol>? fields, bool levelBound) =>
        levelBound ? LevelBound : fields is null || fields.Count == 0 ? None : new StateReads(fields.ToImmutableArray(), false);

    /// <summary>What several computations read together (a cycle's rounds).</summary>
    public static StateReads Union(IEnumerable<StateReads> all)
    {
        HashSet<ISymbol>? fields = null;
        foreach (var reads in all)
        {
            if (reads.IsLevelBound) return LevelBound;
            foreach (var field in reads.Fields)
            {
                (fields ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(field);
            }
        }

        return Of(fields, fields is { Count: > MaxFields });
    }
}
