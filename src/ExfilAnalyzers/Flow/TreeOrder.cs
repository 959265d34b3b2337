using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>The order of a compilation's trees, for lists that must follow it whatever way they were gathered.</summary>
internal static class TreeOrder
{
    private static readonly ConditionalWeakTable<Compilation, Dictionary<SyntaxTree, int>> Ordinals = new();

    public static int Compare(Compilation compilation, SyntaxTree x, SyntaxTree y)
    {
        var ordinals = Ordinals.GetValue(compilation, Index);
        return (ordinals.TryGetValue(x, out var left) ? left : int.MaxValue).CompareTo(ordinals.TryGetValue(y, out var right) ? right : int.MaxValue);
    }

    private static Dictionary<SyntaxTree, int> Index(Compilation compilation)
    {
        var ordinals = new Dictionary<SyntaxTree, int>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            ordinals[tree] = ordinals.Count;
        }

        return ordinals;
    }
}
