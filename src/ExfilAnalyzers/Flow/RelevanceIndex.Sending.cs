using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>Whether a member may send: decided on demand, per member asked, and remembered per compilation.</summary>
internal sealed partial class RelevanceIndex
{
    private readonly Dictionary<object, bool> _sendingMemo = new();
    private readonly object _sendingLock = new();
    private sbyte[]? _callsSink;

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
}
