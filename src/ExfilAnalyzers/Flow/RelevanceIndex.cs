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
/// nothing to report.
/// </summary>
internal sealed class RelevanceIndex
{
    private readonly RelevanceGraph _graph;
    private readonly RelevanceEdit? _edit;
    private readonly Compilation _compilation;
    private readonly Models.ModelCatalog _catalog;
    private readonly Dictionary<object, bool> _sendingMemo = new();
    private readonly object _sendingLock = new();
    private bool[] _relevant;
    private bool[] _receiving;
    private HashSet<string> _names;
    private sbyte[]? _callsSink;

    private RelevanceIndex(Compilation compilation, Models.ModelCatalog catalog, RelevanceGraph graph, RelevanceEdit? edit)
    {
        _compilation = compilation;
        _catalog = catalog;
        _graph = graph;
        _edit = edit;
        _relevant = graph.Relevant;
        _receiving = graph.Receiving;
        _names = graph.RelevantNames;
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
        var seeds = new Stack<string>();
        foreach (var name in graph.MentionedBy.Keys)
        {
            if (graph.IsSeed(name) && index._names.Add(name)) seeds.Push(name);
        }

        index.Propagate(seeds, new Stack<RelevanceEntry>(), cancellationToken);
        graph.Settle(index._relevant, index._receiving, index._names);
        RecentRelevanceGraphs.Remember(compilation, graph);
        return index;
    }

    /// <summary>The settled graph this index answers from (with <see cref="StartedFromEarlier"/>, an earlier compilation's).</summary>
    public RelevanceGraph Graph => _graph;

    /// <summary>True when the index was derived from an earlier compilation's graph rather than built from every tree.</summary>
    public bool StartedFromEarlier => _edit is not null;

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
    /// Whether a member may send, decided on demand (in the IDE only the edited file's members ask):
    /// it calls a sink (a mention of a sink's name that binds to one: names like Add and Write are
    /// common), or it names a member that may send (a call of a sending helper is reported where it
    /// is made), or it names state that a sending member writes (a stored callback, an event). Each
    /// member is visited, and bound, at most once per compilation.
    /// </summary>
    private bool IsSending(RelevanceEntry start, CancellationToken cancellationToken)
    {
        lock (_sendingLock)
        {
            if (!_sendingMemo.TryGetValue(start, out var known))
            {
                Solve(start, cancellationToken);
                known = _sendingMemo[start];
            }

            return known;
        }
    }

    /// <summary>
    /// Tarjan's algorithm, iteratively, over the graph of members and names reachable from
    /// <paramref name="start"/>: a member leads to the names it mentions, a name to the members
    /// declared with it and to the writers of state of that name. Names in between keep the graph
    /// linear in the number of mentions however common a name is. A strongly connected group that
    /// completes reaches no sink: it gets "does not send" at once. The search stops at the first member
    /// found to call a sink (or known to send): every node still on the component stack reaches it
    /// (those on the path lead to it, and the others reach a node on the path), so each of them
    /// sends. Either way every member and name is visited once per compilation.
    /// </summary>
    private void Solve(RelevanceEntry start, CancellationToken cancellationToken)
    {
        var index = new Dictionary<object, int>();
        var low = new Dictionary<object, int>();
        var component = new Stack<object>();
        var onComponent = new HashSet<object>();
        var frames = new Stack<(object Node, IEnumerator<object> Next)>();
        var bindings = BindingsPerQuestion;
        if (Enter(start))
        {
            return;
        }

        while (frames.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (node, next) = frames.Peek();
            if (next.MoveNext())
            {
                var successor = next.Current;
                if (_sendingMemo.TryGetValue(successor, out var sends))
                {
                    if (sends)
                    {
                        Found();
                        return;
                    }
                }
                else if (!index.ContainsKey(successor))
                {
                    if (Enter(successor)) return;
                }
                else if (onComponent.Contains(successor))
                {
                    low[node] = System.Math.Min(low[node], index[successor]);
                }

                continue;
            }

            frames.Pop();
            if (frames.Count > 0)
            {
                var caller = frames.Peek().Node;
                low[caller] = System.Math.Min(low[caller], low[node]);
            }

            if (low[node] != index[node])
            {
                continue;
            }

            object popped;
            do
            {
                popped = component.Pop();
                onComponent.Remove(popped);
                _sendingMemo[popped] = false;
            }
            while (!ReferenceEquals(popped, node));
        }

        // Enters a node; true when it calls a sink, which settles the search.
        bool Enter(object node)
        {
            index[node] = low[node] = index.Count;
            component.Push(node);
            onComponent.Add(node);
            if (node is RelevanceEntry member && CallsSink(member, ref bindings, cancellationToken))
            {
                Found();
                return true;
            }

            frames.Push((node, Successors(node).GetEnumerator()));
            return false;
        }

        void Found()
        {
            foreach (var node in component)
            {
                _sendingMemo[node] = true;
            }
        }
    }

    /// <summary>A member leads to the names it mentions; a name to the members declared with it and to the writers of state of that name.</summary>
    private IEnumerable<object> Successors(object node)
    {
        if (node is RelevanceEntry member)
        {
            foreach (var name in member.Member.Mentions)
            {
                if (_graph.Named.ContainsKey(name) || _graph.Writers.ContainsKey(name) || _edit is not null && _edit.Writers.ContainsKey(name))
                {
                    yield return name;
                }
            }

            yield break;
        }

        var text = (string)node;
        if (_graph.Named.TryGetValue(text, out var named))
        {
            foreach (var entry in named) yield return Current(entry);
        }

        if (_graph.Writers.TryGetValue(text, out var writers))
        {
            foreach (var entry in writers)
            {
                if (!IsReplaced(entry)) yield return entry;
            }
        }

        if (_edit is not null && _edit.Writers.TryGetValue(text, out writers))
        {
            foreach (var entry in writers) yield return entry;
        }
    }

    private long? _fingerprint;

    private long Fingerprint(CancellationToken cancellationToken) =>
        _fingerprint ??= DeclarationFingerprint.Of(_compilation, _catalog, cancellationToken);

    /// <summary>How many members one question may bind to settle whether they call a sink.</summary>
    private const int BindingsPerQuestion = 16;

    /// <summary>
    /// Whether the member calls a sink. A member that names no sink does not; one that does is bound
    /// to see whether the name is a sink's (unless an earlier compilation with the same declarations
    /// already did), while the question's budget lasts, and is otherwise taken to call one. Past the
    /// budget the answer can only be "may send": that costs an analysis, never
    /// a diagnostic, so the results do not depend on the order of the questions.
    /// </summary>
    private bool CallsSink(RelevanceEntry member, ref int bindings, CancellationToken cancellationToken)
    {
        // Per compilation (under the sending lock): an unchanged tree's members are shared with earlier ones.
        _callsSink ??= new sbyte[_relevant.Length];
        if (_callsSink[member.Id] != 0)
        {
            return _callsSink[member.Id] > 0;
        }

        foreach (var name in member.Member.Mentions)
        {
            if (!_catalog.IsSinkName(name))
            {
                continue;
            }

            var callsSink = SinkMentions.Confirm(_compilation, Fingerprint(cancellationToken), member.Tree, member.Member, name, _catalog,
                mayBind: bindings > 0, out var bound, cancellationToken);
            if (callsSink is null)
            {
                return true;
            }

            if (bound) bindings--;
            if (callsSink.Value)
            {
                _callsSink[member.Id] = 1;
                return true;
            }
        }

        // Every sink name it mentions has a definite answer here (an unknown one returned above).
        _callsSink[member.Id] = -1;
        return false;
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
