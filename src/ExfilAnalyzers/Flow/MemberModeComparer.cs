using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>Keys of the summary caches: a member and the mode its summary was computed in.</summary>
internal sealed class MemberModeComparer : IEqualityComparer<(ISymbol Member, int Mode)>
{
    public static readonly MemberModeComparer Instance = new();

    public bool Equals((ISymbol Member, int Mode) x, (ISymbol Member, int Mode) y) =>
        x.Mode == y.Mode && SymbolEqualityComparer.Default.Equals(x.Member, y.Member);

    public int GetHashCode((ISymbol Member, int Mode) key) => SymbolEqualityComparer.Default.GetHashCode(key.Member) * 3 + key.Mode;
}
