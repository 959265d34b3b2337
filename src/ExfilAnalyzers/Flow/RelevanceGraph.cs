using System.Collections.Generic;
using System.Threading;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The relevance filter's graph over a set of trees: which members declare, mention and write each name,
/// and, once <see cref="RelevanceIndex"/> has settled it, which members matter. It holds trees and names
/// only, no compilation or symbol, so that the next compilation of an IDE session can start from it
/// (<see cref="RelevanceEdit"/>) instead of indexing every tree again.
/// </summary>
internal sealed class RelevanceGraph
{
    private readonly Dictionary<SyntaxTree, RelevanceEntry[]> _byTree = new();
    private readonly Dictionary<string, SyntaxTree?> _byPath = new(System.StringComparer.Ordinal);

    private RelevanceGraph(ModelNames names, bool sinksMatter)
    {
        Names = names;
        SinksMatter = sinksMatter;
    }

    public ModelNames Names { get; }

    public bool SinksMatter { get; }

    /// <summary>How many members: their <see cref="RelevanceEntry.Id"/>s are 0 to Count - 1.</summary>
    public int Count { get; private set; }

    public int TreeCount => _byTree.Count;

    /// <summary>The members declared with each name (a constructor's is its type's).</summary>
    public Dictionary<string, List<RelevanceEntry>> Named { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The members whose code mentions each name.</summary>
    public Dictionary<string, List<RelevanceEntry>> MentionedBy { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The members that may write state (a field, property or event) of each name.</summary>
    public Dictionary<string, List<RelevanceEntry>> Writers { get; } = new(System.StringComparer.Ordinal);

    public HashSet<string> StateNames { get; } = new(System.StringComparer.Ordinal);

    /// <summary>
    /// The names of state whose declared type reads as a function or a stream (<see cref="CarrierTypeNames"/>):
    /// what its writers store may be what their callers pass them (a callback, a socket's stream).
    /// </summary>
    public HashSet<string> CarrierStateNames { get; } = new(System.StringComparer.Ordinal);

    // The settled answers, by entry id, and the names that matter: set once, by Settle.
    public bool[] Relevant { get; private set; } = System.Array.Empty<bool>();

    public bool[] Receiving { get; private set; } = System.Array.Empty<bool>();

    public HashSet<string> RelevantNames { get; private set; } = new(System.StringComparer.Ordinal);

    public static RelevanceGraph Build(IEnumerable<SyntaxTree> trees, ModelNames names, bool sinksMatter, CancellationToken cancellationToken)
    {
        var graph = new RelevanceGraph(names, sinksMatter);
        var id = 0;
        foreach (var tree in trees)
        {
            var members = TreeIndex.For(tree, cancellationToken).Members;
            var entries = new RelevanceEntry[members.Length];
            for (var ordinal = 0; ordinal < members.Length; ordinal++)
            {
                var entry = entries[ordinal] = new RelevanceEntry(tree, members[ordinal], id++, ordinal);
                if (entry.Member.IsState) graph.StateNames.Add(entry.Member.Name);
                graph.StateNames.UnionWith(entry.Member.Captures);
                Add(graph.Named, entry.Member.Name, entry);
                foreach (var name in entry.Member.Mentions)
                {
                    Add(graph.MentionedBy, name, entry);
                }
            }

            graph._byTree[tree] = entries;
            // Two trees with one path (or none) cannot tell which of them an edited tree replaces.
            graph._byPath[tree.FilePath] = graph._byPath.ContainsKey(tree.FilePath) ? null : tree;
        }

        var delegates = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in graph._byTree.Keys)
        {
            delegates.UnionWith(TreeIndex.For(tree, cancellationToken).Delegates);
        }

        foreach (var entries in graph._byTree.Values)
        {
            AddWriters(graph.Writers, entries, graph.StateNames);
            foreach (var entry in entries)
            {
                if (CarrierTypeNames.MayCarry(entry.Member.TypeNames, delegates)) graph.CarrierStateNames.Add(entry.Member.Name);
            }
        }

        graph.Count = id;
        return graph;
    }

    /// <summary>Records the settled answers and the fingerprints of the compilation's declarations; the graph is not changed after that.</summary>
    public void Settle(bool[] relevant, bool[] receiving, HashSet<string> relevantNames, long declarations, long allButTrees)
    {
        Relevant = relevant;
        Receiving = receiving;
        RelevantNames = relevantNames;
        Declarations = declarations;
        AllButTrees = allButTrees;
    }

    /// <summary>The compilation's <see cref="DeclarationFingerprint"/>: what "calls no sink" was bound under (<see cref="SinkMentions"/>).</summary>
    public long Declarations { get; private set; }

    /// <summary>The compilation's fingerprint without the trees' declarations (<see cref="DeclarationFingerprint.OfAllButTrees"/>).</summary>
    public long AllButTrees { get; private set; }

    /// <summary>A name that makes the members mentioning it matter by itself: a source's, a gate's, a sink's when every sink call matters.</summary>
    public bool IsSeed(string name) =>
        Names.Sources.Contains(name) || Names.Gates.Contains(name) || SinksMatter && Names.Sinks.Contains(name);

    public bool Holds(SyntaxTree tree) => _byTree.ContainsKey(tree);

    private RelevanceEntry[]? _byId;

    /// <summary>The entries by <see cref="RelevanceEntry.Id"/>, built on first use (the graph is not changed after it is built).</summary>
    public RelevanceEntry[] EntriesById()
    {
        if (_byId is null)
        {
            var byId = new RelevanceEntry[Count];
            foreach (var entries in _byTree.Values)
            {
                foreach (var entry in entries) byId[entry.Id] = entry;
            }

            System.Threading.Interlocked.CompareExchange(ref _byId, byId, null);
        }

        return _byId!;
    }

    public RelevanceEntry[]? MembersOf(SyntaxTree tree) => _byTree.TryGetValue(tree, out var entries) ? entries : null;

    /// <summary>The graph's only tree with that path, or null.</summary>
    public SyntaxTree? TreeAt(string path) => _byPath.TryGetValue(path, out var tree) ? tree : null;

    public static void AddWriters(Dictionary<string, List<RelevanceEntry>> writers, RelevanceEntry[] entries, HashSet<string> stateNames)
    {
        foreach (var entry in entries)
        {
            foreach (var written in entry.Member.Writes)
            {
                if (stateNames.Contains(written)) Add(writers, written, entry);
            }
        }
    }

    public static void Add(Dictionary<string, List<RelevanceEntry>> map, string name, RelevanceEntry entry)
    {
        if (!map.TryGetValue(name, out var list))
        {
            map[name] = list = new List<RelevanceEntry>(2);
        }

        list.Add(entry);
    }
}
