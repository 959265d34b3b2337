using System.Collections.Generic;
using System.Linq;
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
    private readonly Dictionary<(SyntaxTree Tree, int SpanStart), Entry> _entries = new();
    private readonly Dictionary<string, List<Entry>> _writers = new(System.StringComparer.Ordinal);
    private readonly Dictionary<object, bool> _sendingMemo = new();
    private readonly object _sendingLock = new();
    private Dictionary<string, List<Entry>> _named = new(System.StringComparer.Ordinal);
    private Compilation? _compilation;
    private Models.ModelCatalog? _catalog;
    private HashSet<string> _names = new(System.StringComparer.Ordinal);

    private RelevanceIndex()
    {
    }

    public static RelevanceIndex Build(Compilation compilation, Models.ModelCatalog catalog, bool sinksMatter, CancellationToken cancellationToken)
    {
        var index = new RelevanceIndex();
        var members = new List<Entry>();
        var mentionedBy = new Dictionary<string, List<Entry>>(System.StringComparer.Ordinal);
        var named = new Dictionary<string, List<Entry>>(System.StringComparer.Ordinal);
        var stateNames = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var member in TreeIndex.For(tree, cancellationToken).Members)
            {
                var entry = new Entry(tree, member);
                members.Add(entry);
                if (member.IsState) stateNames.Add(member.Name);
                Add(named, member.Name, entry);
                foreach (var name in member.Mentions)
                {
                    Add(mentionedBy, name, entry);
                }
            }
        }

        var relevantNames = new HashSet<string>(System.StringComparer.Ordinal);
        var names = new Stack<string>();
        var spreading = new Stack<Entry>();
        foreach (var name in mentionedBy.Keys)
        {
            if ((catalog.IsSourceName(name) || catalog.IsGateName(name) || sinksMatter && catalog.IsSinkName(name)) && relevantNames.Add(name))
            {
                names.Push(name);
            }
        }

        while (names.Count > 0 || spreading.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (names.Count > 0)
            {
                if (!mentionedBy.TryGetValue(names.Pop(), out var mentioning)) continue;
                foreach (var member in mentioning)
                {
                    if (member.Relevant) continue;
                    member.Relevant = true;
                    MakeRelevant(member.Member.Name);
                    Spread(member);
                }
            }
            else
            {
                var member = spreading.Pop();
                foreach (var written in member.Member.Writes)
                {
                    if (stateNames.Contains(written)) MakeRelevant(written);
                }

                foreach (var mention in member.Member.Mentions)
                {
                    if (!named.TryGetValue(mention, out var callees)) continue;
                    foreach (var callee in callees)
                    {
                        if (!callee.Receiving && !callee.Relevant) Spread(callee);
                    }
                }
            }
        }

        foreach (var member in members)
        {
            index._entries[(member.Tree, member.Member.SpanStart)] = member;
            foreach (var written in member.Member.Writes)
            {
                if (stateNames.Contains(written)) Add(index._writers, written, member);
            }
        }

        index._named = named;
        index._compilation = compilation;
        index._catalog = catalog;

        index._names = relevantNames;
        return index;

        void MakeRelevant(string name)
        {
            if (relevantNames.Add(name)) names.Push(name);
        }

        void Spread(Entry member)
        {
            member.Receiving = true;
            spreading.Push(member);
        }
    }

    /// <summary>
    /// Whether a member may send, decided on demand (in the IDE only the edited file's members ask):
    /// it calls a sink (a mention of a sink's name that binds to one: names like Add and Write are
    /// common), or it names a member that may send (a call of a sending helper is reported where it
    /// is made), or it names state that a sending member writes (a stored callback, an event). Each
    /// member is visited, and bound, at most once per compilation.
    /// </summary>
    private bool IsSending(Entry start, CancellationToken cancellationToken)
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
    /// linear in the number of mentions however common a name is. Each strongly connected group
    /// gets one answer, so every member and name is visited once per compilation. A member that
    /// calls a sink needs no look further.
    /// </summary>
    private void Solve(Entry start, CancellationToken cancellationToken)
    {
        var index = new Dictionary<object, int>();
        var low = new Dictionary<object, int>();
        var reaches = new Dictionary<object, bool>();
        var component = new Stack<object>();
        var onComponent = new HashSet<object>();
        var frames = new Stack<(object Node, IEnumerator<object> Next)>();
        var bindings = BindingsPerQuestion;
        Enter(start);
        while (frames.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (node, next) = frames.Peek();
            if (next.MoveNext())
            {
                var successor = next.Current;
                if (_sendingMemo.TryGetValue(successor, out var answer))
                {
                    reaches[node] |= answer;
                }
                else if (!index.ContainsKey(successor))
                {
                    Enter(successor);
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
                // Back in the caller: what the callee reaches, the caller reaches.
                var caller = frames.Peek().Node;
                reaches[caller] |= reaches[node];
                low[caller] = System.Math.Min(low[caller], low[node]);
            }

            if (low[node] != index[node])
            {
                continue;
            }

            var group = new List<object>();
            var sends = false;
            object popped;
            do
            {
                popped = component.Pop();
                onComponent.Remove(popped);
                group.Add(popped);
                sends |= reaches[popped];
            }
            while (!ReferenceEquals(popped, node));

            foreach (var grouped in group)
            {
                _sendingMemo[grouped] = sends;
            }
        }

        void Enter(object node)
        {
            index[node] = low[node] = index.Count;
            component.Push(node);
            onComponent.Add(node);
            var calls = node is Entry member && CallsSink(member, ref bindings, cancellationToken);
            reaches[node] = calls;
            frames.Push((node, calls ? Enumerable.Empty<object>().GetEnumerator() : Successors(node).GetEnumerator()));
        }
    }

    /// <summary>A member leads to the names it mentions; a name to the members declared with it and to the writers of state of that name.</summary>
    private IEnumerable<object> Successors(object node)
    {
        if (node is Entry member)
        {
            foreach (var name in member.Member.Mentions)
            {
                if (_named.ContainsKey(name) || _writers.ContainsKey(name)) yield return name;
            }

            yield break;
        }

        var text = (string)node;
        if (_named.TryGetValue(text, out var named))
        {
            foreach (var entry in named) yield return entry;
        }

        if (_writers.TryGetValue(text, out var writers))
        {
            foreach (var entry in writers) yield return entry;
        }
    }

    private long? _fingerprint;

    private long Fingerprint(CancellationToken cancellationToken) =>
        _fingerprint ??= DeclarationFingerprint.Of(_compilation!, _catalog!, cancellationToken);

    /// <summary>How many members one question may bind to settle whether they call a sink.</summary>
    private const int BindingsPerQuestion = 16;

    /// <summary>
    /// Whether the member calls a sink. A member that names no sink does not; one that does is bound
    /// to see whether the name is a sink's (unless an earlier compilation with the same declarations
    /// already did), while the question's budget lasts, and is otherwise taken to call one. Past the
    /// budget the answer can only be "may send": that costs an analysis, never
    /// a diagnostic, so the results do not depend on the order of the questions.
    /// </summary>
    private bool CallsSink(Entry member, ref int bindings, CancellationToken cancellationToken)
    {
        if (member.CallsSink is { } known)
        {
            return known;
        }

        foreach (var name in member.Member.Mentions)
        {
            if (!_catalog!.IsSinkName(name))
            {
                continue;
            }

            var callsSink = SinkMentions.Confirm(_compilation!, Fingerprint(cancellationToken), member.Tree, member.Member, name, _catalog,
                mayBind: bindings > 0, out var bound, cancellationToken);
            if (callsSink is null)
            {
                return true;
            }

            if (bound) bindings--;
            if (callsSink.Value)
            {
                member.CallsSink = true;
                return true;
            }
        }

        // Every sink name it mentions has a definite answer here (an unknown one returned above).
        member.CallsSink = false;
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
        !_entries.TryGetValue((tree, declaration.SpanStart), out var entry) || IsSending(entry, cancellationToken);

    /// <summary>
    /// True when state of this name (a field, property or event) may hold sensitive data or a consent
    /// fact: some member that matters, or is handed taint, writes it. Otherwise it reads as clean.
    /// </summary>
    public bool MayHold(string stateName) => _names.Contains(stateName);

    /// <summary>True when the member matters or may be handed taint: only then can it store taint anywhere.</summary>
    public bool MayStore(SyntaxTree tree, SyntaxNode declaration) =>
        !_entries.TryGetValue((tree, declaration.SpanStart), out var entry) || entry.Relevant || entry.Receiving;

    /// <summary>True unless the member is known not to matter (an unknown declaration is kept, to be safe).</summary>
    public bool Matters(SyntaxTree tree, SyntaxNode declaration) =>
        !_entries.TryGetValue((tree, declaration.SpanStart), out var entry) || entry.Relevant;

    private static void Add(Dictionary<string, List<Entry>> map, string name, Entry entry)
    {
        if (!map.TryGetValue(name, out var list))
        {
            map[name] = list = new List<Entry>(2);
        }

        list.Add(entry);
    }

    private sealed class Entry
    {
        public Entry(SyntaxTree tree, DeclaredMember member)
        {
            Tree = tree;
            Member = member;
        }

        public SyntaxTree Tree { get; }

        public DeclaredMember Member { get; }

        /// <summary>Taint can appear in the member itself: it is analysed for its own diagnostics.</summary>
        public bool Relevant { get; set; }

        /// <summary>The member may be handed taint; what state it touches matters.</summary>
        public bool Receiving { get; set; }

        /// <summary>Whether a mention of a sink's name in the member binds to a sink; null until asked.</summary>
        public bool? CallsSink { get; set; }
    }
}
