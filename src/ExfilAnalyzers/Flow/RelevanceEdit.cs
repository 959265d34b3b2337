using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A compilation seen as a settled <see cref="RelevanceGraph"/> with a few trees replaced, the IDE's
/// keystroke: the relevance of the other trees is taken from the graph, and only what the edit adds
/// is propagated. That is exact when the edit only adds to the graph: the edited trees declare the
/// same members, or those and new methods of names nothing mentions or declares (a method being typed),
/// and every mention an edit removed was inert (it made nothing matter). Relevance only grows with
/// mentions, so the graph's answers are then still justified, and propagating the added mentions from
/// them reaches the answers a full build would; a new method of a name nothing mentions is handed
/// nothing, and matters only by what it mentions. Any other edit is built afresh.
/// </summary>
internal sealed class RelevanceEdit
{
    /// <summary>At most this many trees replaced, and at least three times as many kept.</summary>
    private const int MaxReplaced = 8;

    private RelevanceEdit(RelevanceGraph graph) => Graph = graph;

    public RelevanceGraph Graph { get; }

    /// <summary>Each replaced tree of the graph, with the entries of the tree that replaces it, by the ordinals of the replaced tree's.</summary>
    public Dictionary<SyntaxTree, RelevanceEntry[]> Replaced { get; } = new();

    /// <summary>Each new tree, with its entries.</summary>
    public Dictionary<SyntaxTree, RelevanceEntry[]> Trees { get; } = new();

    /// <summary>The new trees' share of <see cref="RelevanceGraph.MentionedBy"/>.</summary>
    public Dictionary<string, List<RelevanceEntry>> MentionedBy { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The new trees' share of <see cref="RelevanceGraph.Writers"/>.</summary>
    public Dictionary<string, List<RelevanceEntry>> Writers { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Ids of the graph's entries and then the new trees' entries.</summary>
    public int Count { get; private set; }

    /// <summary>Each new entry with the graph's entry it replaces.</summary>
    public List<(RelevanceEntry New, RelevanceEntry Old)> Pairs { get; } = new();

    /// <summary>Names the edit added that matter, or may: their mentioners are looked at again.</summary>
    public List<string> AddedNames { get; } = new();

    /// <summary>
    /// The names the replaced trees redeclare (<see cref="Redeclarations"/>); null when an edit changed more
    /// than members. A mention in a member that mentions none of them binds as it did in the graph's compilation.
    /// </summary>
    public HashSet<string>? Redeclared { get; private set; } = new(System.StringComparer.Ordinal);

    /// <summary>New entries that mention or write something their predecessor did not.</summary>
    public List<RelevanceEntry> Grown { get; } = new();

    /// <summary>The edit that turns the graph's trees into the compilation's, or null when the graph cannot be reused.</summary>
    public static RelevanceEdit? TryMake(RelevanceGraph graph, Compilation compilation, CancellationToken cancellationToken)
    {
        if (ReplacedTrees(graph, compilation, cancellationToken) is not { } replaced)
        {
            return null;
        }

        var edit = new RelevanceEdit(graph) { Count = graph.Count };
        foreach (var (old, tree) in replaced)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!edit.Replace(old, tree, cancellationToken)) return null;
        }

        // A new method's name must be mentioned nowhere, in the new trees either (declared in one, mentioned in another).
        foreach (var entry in edit._added)
        {
            if (edit.MentionedBy.ContainsKey(entry.Member.Name)) return null;
        }

        return edit;
    }

    /// <summary>
    /// The names the compilation's trees redeclare against the graph's (<see cref="Redeclarations"/>), for an edit
    /// the graph cannot be reused across (an overload added, a member removed): what binding learnt in the graph's
    /// compilation still holds for a member that mentions none of them. Null when trees were added or removed, or
    /// an edit changed more than members.
    /// </summary>
    public static HashSet<string>? RedeclaredSince(RelevanceGraph graph, Compilation compilation, CancellationToken cancellationToken)
    {
        if (ReplacedTrees(graph, compilation, cancellationToken) is not { } replaced)
        {
            return null;
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (old, tree) in replaced)
        {
            if (TreeIndex.For(old, cancellationToken).DeclarationHash == TreeIndex.For(tree, cancellationToken).DeclarationHash) continue;
            if (Redeclarations.Of(old, tree, cancellationToken) is not { } redeclarations) return null;
            names.UnionWith(redeclarations.Names);
        }

        return names;
    }

    /// <summary>
    /// Each tree of the graph the compilation replaced, with the tree at its path that replaced it; null when
    /// trees were added or removed, or more were replaced than a few edits replace.
    /// </summary>
    private static List<(SyntaxTree Old, SyntaxTree New)>? ReplacedTrees(RelevanceGraph graph, Compilation compilation, CancellationToken cancellationToken)
    {
        var added = new List<SyntaxTree>();
        var kept = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (graph.Holds(tree))
            {
                kept++;
            }
            else
            {
                added.Add(tree);
                if (added.Count > MaxReplaced) return null;
            }
        }

        // Every tree the graph has and the compilation has not must have been replaced by one of the added trees.
        if (kept + added.Count != graph.TreeCount || kept < 3 * added.Count)
        {
            return null;
        }

        var replaced = new List<(SyntaxTree, SyntaxTree)>(added.Count);
        var olds = new HashSet<SyntaxTree>();
        foreach (var tree in added)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (graph.TreeAt(tree.FilePath) is not { } old || compilation.ContainsSyntaxTree(old) || !olds.Add(old))
            {
                return null;
            }

            replaced.Add((old, tree));
        }

        return replaced;
    }

    private readonly List<RelevanceEntry> _added = new();

    private bool Replace(SyntaxTree oldTree, SyntaxTree newTree, CancellationToken cancellationToken)
    {
        var olds = Graph.MembersOf(oldTree)!;
        var oldIndex = TreeIndex.For(oldTree, cancellationToken);
        var index = TreeIndex.For(newTree, cancellationToken);
        var members = index.Members;

        // Which state may hold a function or stream was settled on the declarations (Graph.CarrierStateNames): they must not change.
        if (members.Length < olds.Length || !index.Delegates.SequenceEqual(oldIndex.Delegates))
        {
            return false;
        }

        if (Redeclared is not null && oldIndex.DeclarationHash != index.DeclarationHash)
        {
            var redeclarations = Redeclarations.Of(oldTree, newTree, cancellationToken);
            if (redeclarations is null) Redeclared = null;
            else Redeclared.UnionWith(redeclarations.Names);
        }

        // The new tree's members are the old ones in order, with new methods among them.
        var entries = new RelevanceEntry[members.Length];
        var byOld = new RelevanceEntry[olds.Length];
        var paired = 0;
        for (var ordinal = 0; ordinal < members.Length; ordinal++)
        {
            var entry = entries[ordinal] = new RelevanceEntry(newTree, members[ordinal], Count++, ordinal);
            if (paired < olds.Length && olds[paired].Member.Name == entry.Member.Name)
            {
                var old = olds[paired];
                if (entry.Member.IsState != old.Member.IsState || !entry.Member.TypeNames.SequenceEqual(old.Member.TypeNames)
                    || !entry.Member.Captures.SequenceEqual(old.Member.Captures) || !Compare(old, entry))
                {
                    return false;
                }

                byOld[paired++] = entry;
                Pairs.Add((entry, old));
            }
            else if (IsUnknownMethod(entry))
            {
                _added.Add(entry);
                Add(entry);
            }
            else
            {
                return false;
            }

            foreach (var name in entry.Member.Mentions)
            {
                RelevanceGraph.Add(MentionedBy, name, entry);
            }
        }

        if (paired != olds.Length)
        {
            return false;
        }

        RelevanceGraph.AddWriters(Writers, entries, Graph.StateNames);
        Replaced[oldTree] = byOld;
        Trees[newTree] = entries;
        return true;
    }

    /// <summary>A method whose name the graph neither declares nor mentions: no member's relevance can reach it.</summary>
    private bool IsUnknownMethod(RelevanceEntry entry) =>
        !entry.Member.IsState && entry.Member.Name.Length > 0 && entry.Member.Name != "<top-level>"
        && !Graph.Named.ContainsKey(entry.Member.Name) && !Graph.MentionedBy.ContainsKey(entry.Member.Name) && !Graph.Writers.ContainsKey(entry.Member.Name);

    /// <summary>A new method: every name it mentions is added, as for a member that grew from nothing.</summary>
    private void Add(RelevanceEntry entry)
    {
        foreach (var name in entry.Member.Mentions)
        {
            if (Graph.RelevantNames.Contains(name) || Graph.IsSeed(name)) AddedNames.Add(name);
        }

        Grown.Add(entry);
    }

    /// <summary>
    /// False when the edit removed a mention or write that made something matter; otherwise records
    /// what it added that may.
    /// </summary>
    private bool Compare(RelevanceEntry old, RelevanceEntry entry)
    {
        var spread = Graph.Relevant[old.Id] || Graph.Receiving[old.Id];
        var now = new HashSet<string>(entry.Member.Mentions, System.StringComparer.Ordinal);
        foreach (var name in old.Member.Mentions)
        {
            // A mention made its member matter if the name mattered, and spread to the members of that name if its member had spread.
            if (!now.Contains(name) && (Graph.RelevantNames.Contains(name) || spread && Graph.Named.ContainsKey(name)))
            {
                return false;
            }
        }

        now = new HashSet<string>(entry.Member.Writes, System.StringComparer.Ordinal);
        foreach (var name in old.Member.Writes)
        {
            if (!now.Contains(name) && spread && Graph.StateNames.Contains(name))
            {
                return false;
            }
        }

        var before = new HashSet<string>(old.Member.Mentions, System.StringComparer.Ordinal);
        var grown = false;
        foreach (var name in entry.Member.Mentions)
        {
            if (before.Contains(name)) continue;
            grown = true;
            if (Graph.RelevantNames.Contains(name) || Graph.IsSeed(name)) AddedNames.Add(name);
        }

        before = new HashSet<string>(old.Member.Writes, System.StringComparer.Ordinal);
        foreach (var name in entry.Member.Writes)
        {
            grown |= !before.Contains(name);
        }

        if (grown) Grown.Add(entry);
        return true;
    }
}
