using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The last settled relevance graph of each of the few projects analysed most recently, so that the
/// IDE's next compilation of a project can start from it. A graph holds that compilation's trees (most
/// of them shared with the next one) and names, never a compilation or symbol. Only the most recent
/// project's graph is held firmly; the others (at most <see cref="Capacity"/> in all) are held weakly,
/// so that a closed solution's trees are not kept alive by this cache.
/// </summary>
internal static class RecentRelevanceGraphs
{
    private const int Capacity = 4;

    private static readonly LinkedList<(string Project, WeakReference<RelevanceGraph> Graph)> Recent = new();

    /// <summary>Holds the most recent graph alive between keystrokes, when nothing else does.</summary>
    private static RelevanceGraph? s_heldFirmly;

    /// <summary>Forgets every project: for a benchmark whose runs must each start cold, like a command-line build.</summary>
    public static void Forget()
    {
        lock (Recent)
        {
            Recent.Clear();
            s_heldFirmly = null;
        }
    }

    public static RelevanceGraph? Of(Compilation compilation)
    {
        var project = compilation.AssemblyName ?? "";
        lock (Recent)
        {
            for (var node = Recent.First; node is not null; node = node.Next)
            {
                if (node.Value.Project == project)
                {
                    return node.Value.Graph.TryGetTarget(out var graph) ? graph : null;
                }
            }
        }

        return null;
    }

    public static void Remember(Compilation compilation, RelevanceGraph graph)
    {
        var project = compilation.AssemblyName ?? "";
        lock (Recent)
        {
            for (var node = Recent.First; node is not null; node = node.Next)
            {
                if (node.Value.Project == project)
                {
                    Recent.Remove(node);
                    break;
                }
            }

            Recent.AddFirst((project, new WeakReference<RelevanceGraph>(graph)));
            if (Recent.Count > Capacity) Recent.RemoveLast();
            s_heldFirmly = graph;
        }
    }
}
