using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Which members can matter at all, decided by names before anything is bound. Taint enters a member
/// only through a source it names, a member it names that returns taint, or state (a field, property
/// or event) that taint was stored in. So, by a worklist over every tree's mentions, linear in their
/// number:
/// <list type="bullet">
/// <item>a member that names a source (or, with EXF1007 on, a sink) matters, and so does every member
/// that names a member that matters;</item>
/// <item>the members a member that matters names may be handed taint: they and everything they name in
/// turn may store it, so the state any of them writes matters.</item>
/// </list>
/// Then, on demand, whether a member may send (<see cref="MaySend"/>). A member is analysed for its
/// own diagnostics only when it both matters and may send; any other body is not even bound: it has
/// nothing to report. A member that passes is asked again on what it binds to (<see cref="SendingReach"/>).
/// </summary>
internal sealed partial class RelevanceIndex
{
    private readonly RelevanceGraph _graph;
    private readonly RelevanceEdit? _edit;
    private readonly Compilation _compilation;
    private readonly Models.ModelCatalog _catalog;
    private bool[] _relevant;
    private bool[] _receiving;
    private HashSet<string> _names;

    private RelevanceIndex(Compilation compilation, Models.ModelCatalog catalog, RelevanceGraph graph, RelevanceEdit? edit)
    {
        _compilation = compilation;
        _catalog = catalog;
        _graph = graph;
        _edit = edit;
        _relevant = graph.Relevant;
        _receiving = graph.Receiving;
        _names = graph.RelevantNames;
        _bindingsFrom = graph;
        _redeclaredSince = edit?.Redeclared;
    }

    /// <summary>
    /// The index of the compilation: from the settled graph of an earlier compilation of the same project
    /// when it differs by an edit that only adds (<see cref="RelevanceEdit"/>), otherwise from every tree.
    /// </summary>
    public static RelevanceIndex Build(Compilation compilation, Models.ModelCatalog catalog, bool sinksMatter, CancellationToken cancellationToken) =>
        Build(compilation, catalog, sinksMatter, RecentRelevanceGraphs.Of(compilation), cancellationToken);

    /// <summary>The index of the compilation, from <paramref name="earlier"/> when that is exact.</summary>
    public static RelevanceIndex Build(Compilation compilation, Models.ModelCatalog catalog, bool sinksMatter, RelevanceGraph? earlier,
        CancellationToken cancellationToken)
    {
        var names = catalog.Names;
        if (earlier is not null && earlier.SinksMatter == sinksMatter && earlier.Names.SameAs(names)
            && RelevanceEdit.TryMake(earlier, compilation, cancellationToken) is { } edit)
        {
            var derived = new RelevanceIndex(compilation, catalog, earlier, edit);
            derived.Propagate(edit, cancellationToken);
            return derived;
        }

        var graph = RelevanceGraph.Build(compilation.SyntaxTrees, names, sinksMatter, cancellationToken);
        var index = new RelevanceIndex(compilation, catalog, graph, null)
        {
            _relevant = new bool[graph.Count],
            _receiving = new bool[graph.Count],
            _names = new HashSet<string>(System.StringComparer.Ordinal),
        };
        if (earlier is not null)
        {
            // An edit the graph cannot be derived across may still leave most of what binding sink names learnt true.
            index._bindingsFrom = earlier;
            index._redeclaredSince = RelevanceEdit.RedeclaredSince(earlier, compilation, cancellationToken);
        }

        var seeds = new Stack<string>();
        foreach (var name in graph.MentionedBy.Keys)
        {
            if (graph.IsSeed(name) && index._names.Add(name)) seeds.Push(name);
        }

        index.Propagate(seeds, new Stack<RelevanceEntry>(), cancellationToken);
        index._fingerprint = DeclarationFingerprint.Of(compilation, catalog, cancellationToken);
        index._allButTrees = DeclarationFingerprint.OfAllButTrees(compilation, catalog);
        graph.Settle(index._relevant, index._receiving, index._names, (long)index._fingerprint, (long)index._allButTrees);
        RecentRelevanceGraphs.Remember(compilation, graph);
        return index;
    }

    /// <summary>The settled graph this index answers from (with <see cref="StartedFromEarlier"/>, an earlier compilation's).</summary>
    public RelevanceGraph Graph => _graph;

    /// <summary>True when the index was derived from an earlier compilation's graph rather than built from every tree.</summary>
    public bool StartedFromEarlier => _edit is not null;

    /// <summary>
    /// True when an earlier compilation of the project was analysed (this one is the IDE's next keystroke): the index
    /// was derived from its graph, or built afresh with that graph kept for what binding learnt there.
    /// </summary>
    public bool FollowsEarlier => StartedFromEarlier || !ReferenceEquals(_bindingsFrom, _graph);

    /// <summary>
    /// What the index answers about members, as values: for each tree in the compilation's order, and each
    /// member the tree declares (in <see cref="TreeIndex.Members"/>' order), whether it matters and whether
    /// it may be handed taint; null for a tree the index does not know. With the names of
    /// state that may hold something (<see cref="MayHold"/>), two compilations whose answers are equal
    /// answer every question about their members alike, which carrying answers from one to the other needs
    /// (<see cref="CarryConditions"/>).
    /// </summary>
    public byte[]?[] MemberAnswers()
    {
        var answers = new List<byte[]?>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            // A tree the index does not know has answers "matters", to be safe: none to compare.
            var members = _edit is not null && _edit.Trees.TryGetValue(tree, out var edited) ? edited : _graph.MembersOf(tree);
            var bytes = members is null ? null : new byte[members.Length];
            for (var i = 0; bytes is not null && i < bytes.Length; i++)
            {
                bytes[i] = (byte)((_relevant[members![i].Id] ? 1 : 0) | (_receiving[members[i].Id] ? 2 : 0));
            }

            answers.Add(bytes);
        }

        return answers.ToArray();
    }

    /// <summary>The names of state that may hold sensitive data or a consent fact (<see cref="MayHold"/>).</summary>
    public IReadOnlyCollection<string> StateThatMayHold => _names;

    /// <summary>From the graph's answers, what the edit adds: its new names that matter, and the members that mention more than before.</summary>
    private void Propagate(RelevanceEdit edit, CancellationToken cancellationToken)
    {
        if (edit.Pairs.Count == 0)
        {
            return;
        }

        _relevant = new bool[edit.Count];
        _receiving = new bool[edit.Count];
        System.Array.Copy(_graph.Relevant, _relevant, _graph.Count);
        System.Array.Copy(_graph.Receiving, _receiving, _graph.Count);
        foreach (var (entry, old) in edit.Pairs)
        {
            _relevant[entry.Id] = _relevant[old.Id];
            _receiving[entry.Id] = _receiving[old.Id];
        }

        _names = new HashSet<string>(_graph.RelevantNames, System.StringComparer.Ordinal);
        var names = new Stack<string>();
        foreach (var name in edit.AddedNames)
        {
            _names.Add(name);
            names.Push(name);
        }

        var spreading = new Stack<RelevanceEntry>();
        foreach (var entry in edit.Grown)
        {
            if (_receiving[entry.Id]) spreading.Push(entry);
        }

        Propagate(names, spreading, cancellationToken);
    }

    /// <summary>
    /// The worklist, linear in the mentions it visits: a name that matters makes its mentioners matter,
    /// and a member that matters or is handed taint hands it to the members it names and makes the
    /// state it writes matter.
    /// </summary>
    private void Propagate(Stack<string> names, Stack<RelevanceEntry> spreading, CancellationToken cancellationToken)
    {
        while (names.Count > 0 || spreading.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (names.Count > 0)
            {
                var name = names.Pop();
                if (_graph.MentionedBy.TryGetValue(name, out var mentioning)) MakeRelevant(mentioning, names, spreading);
                if (_edit is not null && _edit.MentionedBy.TryGetValue(name, out mentioning)) MakeRelevant(mentioning, names, spreading);
                continue;
            }

            var member = spreading.Pop();
            foreach (var written in member.Member.Writes)
            {
                if (_graph.StateNames.Contains(written) && _names.Add(written)) names.Push(written);
            }

            foreach (var mention in member.Member.Mentions)
            {
                if (!_graph.Named.TryGetValue(mention, out var declared)) continue;
                foreach (var callee in declared)
                {
                    var current = Current(callee);
                    if (!_receiving[current.Id] && !_relevant[current.Id])
                    {
                        _receiving[current.Id] = true;
                        spreading.Push(current);
                    }
                }
            }
        }
    }

    private void MakeRelevant(List<RelevanceEntry> mentioning, Stack<string> names, Stack<RelevanceEntry> spreading)
    {
        foreach (var member in mentioning)
        {
            if (_relevant[member.Id] || IsReplaced(member)) continue;
            _relevant[member.Id] = true;
            if (_names.Add(member.Member.Name)) names.Push(member.Member.Name);
            _receiving[member.Id] = true;
            spreading.Push(member);
        }
    }

    /// <summary>An entry of a tree the edit replaced: it is not part of this compilation.</summary>
    private bool IsReplaced(RelevanceEntry entry) => _edit is not null && _edit.Replaced.ContainsKey(entry.Tree);

    /// <summary>The entry as it is in this compilation: the graph's, or its counterpart in the tree that replaced its own.</summary>
    private RelevanceEntry Current(RelevanceEntry entry) =>
        _edit is not null && _edit.Replaced.TryGetValue(entry.Tree, out var replacement) ? replacement[entry.Ordinal] : entry;

    private RelevanceEntry? EntryAt(SyntaxTree tree, int spanStart) =>
        (_edit is not null && _edit.Trees.TryGetValue(tree, out var edited) ? edited : _graph.MembersOf(tree)) is { } members
            ? RelevanceEntry.At(members, spanStart)
            : null;

    /// <summary>
    /// The trees whose members mention the name, in the compilation's order: the only trees that hold a
    /// mention (a tree's mentions are those of its members), found without asking every tree.
    /// </summary>
    public IReadOnlyList<SyntaxTree> TreesMentioning(string name)
    {
        var trees = new List<SyntaxTree>();
        if (_graph.MentionedBy.TryGetValue(name, out var mentioning))
        {
            foreach (var entry in mentioning)
            {
                // Entries come tree by tree: a tree is added once.
                if (!IsReplaced(entry) && (trees.Count == 0 || !ReferenceEquals(trees[trees.Count - 1], entry.Tree))) trees.Add(entry.Tree);
            }
        }

        if (_edit is not null && _edit.MentionedBy.TryGetValue(name, out mentioning))
        {
            foreach (var entry in mentioning)
            {
                if (!trees.Contains(entry.Tree)) trees.Add(entry.Tree);
            }

            // The edited trees were appended: back to the compilation's order, which the bounds on what a
            // question returns depend on.
            trees.Sort((x, y) => TreeOrder.Compare(_compilation, x, y));
        }

        return trees;
    }

    /// <summary>
    /// True when the member's own diagnostics may exist: sensitive data can appear in it and it may
    /// send (itself or through what it calls). Unknown declarations are kept, to be safe.
    /// </summary>
    public bool MayReport(SyntaxTree tree, SyntaxNode declaration, CancellationToken cancellationToken) =>
        Matters(tree, declaration) && MaySend(tree, declaration, cancellationToken);

    /// <summary>True when the member may send, itself or through what it names (an unknown declaration is kept, to be safe).</summary>
    public bool MaySend(SyntaxTree tree, SyntaxNode declaration, CancellationToken cancellationToken) =>
        EntryAt(tree, declaration.SpanStart) is not { } entry || IsSending(entry, cancellationToken);

    /// <summary>
    /// True when state of this name (a field, property or event) may hold sensitive data or a consent
    /// fact: some member that matters, or is handed taint, writes it. Otherwise it reads as clean.
    /// </summary>
    public bool MayHold(string stateName) => _names.Contains(stateName);

    /// <summary>True when the member matters or may be handed taint: only then can it store taint anywhere.</summary>
    public bool MayStore(SyntaxTree tree, SyntaxNode declaration) =>
        EntryAt(tree, declaration.SpanStart) is not { } entry || _relevant[entry.Id] || _receiving[entry.Id];

    /// <summary>True unless the member is known not to matter (an unknown declaration is kept, to be safe).</summary>
    public bool Matters(SyntaxTree tree, SyntaxNode declaration) =>
        EntryAt(tree, declaration.SpanStart) is not { } entry || _relevant[entry.Id];
}
