using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The last settled relevance graph of each of the few projects analysed most recently, so that the
/// IDE's next compilation of a project can start from it. A graph holds that compilation's trees (most
/// of them shared with the next one) and names, never a compilation or symbol; at most
/// <see cref="Capacity"/> are kept.
/// </summary>
internal static class RecentRelevanceGraphs
{
    private const int Capacity = 4;

    private static readonly LinkedList<(string Project, RelevanceGraph Graph)> Recent = new();

    public static RelevanceGraph? Of(Compilation compilation)
    {
        var project = compilation.AssemblyName ?? "";
        lock (Recent)
        {
            for (var node = Recent.First; node is not null; node = node.Next)
            {
                if (node.Value.Project == project) return node.Value.Graph;
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

            Recent.AddFirst((project, graph));
            if (Recent.Count > Capacity) Recent.RemoveLast();
        }
    }
}
