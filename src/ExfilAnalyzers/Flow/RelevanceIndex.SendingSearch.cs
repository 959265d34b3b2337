using System.Collections.Generic;
using System.Threading;

namespace ExfilAnalyzers.Flow;

internal sealed partial class RelevanceIndex
{
    /// <summary>
    /// Tarjan's algorithm, iteratively, over the graph of members and names reachable from the member
    /// asked about: a member leads to the names it mentions, a name to the members declared with it and
    /// to the writers of state of that name. Names in between keep the graph linear in the number of
    /// mentions however common a name is. A strongly connected group that completes reaches no sink: it
    /// gets "does not send" at once. The search stops at the first member found to call a sink (or known
    /// to send): every node still on the component stack reaches it (those on the path lead to it, and
    /// the others reach a node on the path), so each of them sends. Either way every member and name is
    /// visited once per compilation.
    /// <para>
    /// Nodes are numbers (a member its entry's id, a name the next number after the members when first
    /// met), and what a search keeps per node lives in arrays reused by every search of the compilation:
    /// in the IDE the first question of a keystroke can cross most of the graph, and dictionaries keyed
    /// by nodes made it mostly hashing and garbage. Used under the index's sending lock.
    /// </para>
    /// </summary>
    private sealed class SendingSearch
    {
        private readonly RelevanceIndex _index;
        private readonly RelevanceEntry[] _entries;
        private readonly int _members;
        private readonly Dictionary<string, int> _nameIds = new(System.StringComparer.Ordinal);
        private readonly List<string> _names = new();
        private readonly List<int> _component = new();
        private readonly Stack<Frame> _frames = new();

        // Per node: the answer (1 sends, -1 does not, 0 not known yet), and for the current search its
        // visit order, its low link, whether it is on the component stack, and the search that set them.
        private sbyte[] _sends;
        private int[] _order;
        private int[] _low;
        private bool[] _onComponent;
        private int[] _visitedBy;
        private int _searches;

        public SendingSearch(RelevanceIndex index)
        {
            _index = index;
            _members = index._relevant.Length;
            _entries = EntriesById(index, _members);
            var capacity = _members + 64;
            _sends = new sbyte[capacity];
            _order = new int[capacity];
            _low = new int[capacity];
            _onComponent = new bool[capacity];
            _visitedBy = new int[capacity];
        }

        public bool Sends(RelevanceEntry start, CancellationToken cancellationToken)
        {
            if (_sends[start.Id] == 0)
            {
                Solve(start.Id, cancellationToken);
            }

            return _sends[start.Id] > 0;
        }

        private void Solve(int start, CancellationToken cancellationToken)
        {
            var search = ++_searches;
            var visits = 0;
            var bindings = _index.FollowsEarlier ? BindingsPerQuestionAfterEarlier : BindingsPerQuestion;
            _component.Clear();
            _frames.Clear();
            if (Enter(start))
            {
                return;
            }

            while (_frames.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var frame = _frames.Pop();
                if (Next(ref frame, out var successor))
                {
                    _frames.Push(frame);
                    if (_sends[successor] != 0)
                    {
                        if (_sends[successor] > 0)
                        {
                            Found();
                            return;
                        }
                    }
                    else if (_visitedBy[successor] != search)
                    {
                        if (Enter(successor)) return;
                    }
                    else if (_onComponent[successor])
                    {
                        _low[frame.Node] = System.Math.Min(_low[frame.Node], _order[successor]);
                    }

                    continue;
                }

                var node = frame.Node;
                if (_frames.Count > 0)
                {
                    var caller = _frames.Peek().Node;
                    _low[caller] = System.Math.Min(_low[caller], _low[node]);
                }

                if (_low[node] != _order[node])
                {
                    continue;
                }

                int popped;
                do
                {
                    popped = _component[_component.Count - 1];
                    _component.RemoveAt(_component.Count - 1);
                    _onComponent[popped] = false;
                    _sends[popped] = -1;
                }
                while (popped != node);
            }

            // Enters a node; true when it calls a sink, which settles the search.
            bool Enter(int node)
            {
                _visitedBy[node] = search;
                _order[node] = _low[node] = visits++;
                _component.Add(node);
                _onComponent[node] = true;
                if (node < _members && _index.CallsSink(Entry(node), ref bindings, cancellationToken))
                {
                    Found();
                    return true;
                }

                _frames.Push(new Frame(node));
                return false;
            }
        }

        /// <summary>Every node still on the component stack reaches the sink just found.</summary>
        private void Found()
        {
            foreach (var node in _component)
            {
                _sends[node] = 1;
                _onComponent[node] = false;
            }

            _component.Clear();
            _frames.Clear();
        }

        /// <summary>The frame's next successor, or false when it has none left.</summary>
        private bool Next(ref Frame frame, out int successor)
        {
            if (frame.Node < _members)
            {
                var mentions = Entry(frame.Node).Member.Mentions;
                while (frame.Position < mentions.Length)
                {
                    var name = mentions[frame.Position++];
                    if (_index.LeadsAnywhere(name))
                    {
                        successor = NameId(name);
                        return true;
                    }
                }

                successor = -1;
                return false;
            }

            // A name: the members declared with it (as they are in this compilation), the graph's writers of
            // state of that name (unless their tree was replaced), then the edited trees' writers; for state
            // that may hold a function or a stream, the callers of each writer too (a callback registered
            // through a method, a socket's stream handed to a constructor).
            // The callers of a writer are a node of their own: the members that mention its name.
            var text = _names[frame.Node - _members];
            var callers = text.Length > 0 && text[0] == CallersMark;
            var phases = callers ? 2 : _index._graph.CarrierStateNames.Contains(text) ? 5 : 3;
            while (frame.Phase < phases)
            {
                if (frame.List is null)
                {
                    var key = callers ? text.Substring(1) : text;
                    frame.List = ListOf(callers, frame.Phase) is { } lists && lists.TryGetValue(key, out var found) ? found : Empty;
                }

                while (frame.Position < frame.List.Count)
                {
                    var entry = frame.List[frame.Position++];
                    if (FromGraph(callers, frame.Phase) && _index.IsReplaced(entry)) continue;
                    successor = callers || frame.Phase is 1 or 2 ? entry.Id
                        : frame.Phase == 0 ? _index.Current(entry).Id
                        : NameId(CallersMark + entry.Member.Name);
                    return true;
                }

                frame.Phase++;
                frame.Position = 0;
                frame.List = null;
            }

            successor = -1;
            return false;
        }

        private static readonly List<RelevanceEntry> Empty = new();

        /// <summary>
        /// The list a phase walks. A name: its members, the graph's writers, the edit's writers, and for
        /// state that may carry a function or stream the same writers again, as callers' nodes. A writer's
        /// callers: the graph's members that mention it, then the edit's.
        /// </summary>
        private Dictionary<string, List<RelevanceEntry>>? ListOf(bool callers, int phase) => callers
            ? phase == 0 ? _index._graph.MentionedBy : _index._edit?.MentionedBy
            : phase switch
            {
                0 => _index._graph.Named,
                1 or 3 => _index._graph.Writers,
                _ => _index._edit?.Writers,
            };

        /// <summary>Whether the phase's list is the graph's, whose entries of a replaced tree are skipped (the edit's stand instead).</summary>
        private static bool FromGraph(bool callers, int phase) => callers ? phase == 0 : phase is 1 or 3;

        /// <summary>Starts the name of a node that stands for the members mentioning a writer (no identifier starts with it).</summary>
        private const char CallersMark = '\u0001';

        private RelevanceEntry Entry(int id) => _entries[id];

        /// <summary>The members by id: the graph's, then those of the trees the edit added (a replaced tree's stay, never visited).</summary>
        private static RelevanceEntry[] EntriesById(RelevanceIndex index, int members)
        {
            var graphEntries = index._graph.EntriesById();
            if (index._edit is null)
            {
                return graphEntries;
            }

            var entries = new RelevanceEntry[members];
            System.Array.Copy(graphEntries, entries, graphEntries.Length);
            foreach (var tree in index._edit.Trees.Values)
            {
                foreach (var entry in tree) entries[entry.Id] = entry;
            }

            return entries;
        }

        private int NameId(string name)
        {
            if (_nameIds.TryGetValue(name, out var id))
            {
                return id;
            }

            id = _members + _names.Count;
            _nameIds.Add(name, id);
            _names.Add(name);
            if (id >= _sends.Length)
            {
                var size = _sends.Length * 2;
                System.Array.Resize(ref _sends, size);
                System.Array.Resize(ref _order, size);
                System.Array.Resize(ref _low, size);
                System.Array.Resize(ref _onComponent, size);
                System.Array.Resize(ref _visitedBy, size);
            }

            return id;
        }

        /// <summary>A node being searched and where it is in its successors: a member's mentions, or a name's three lists.</summary>
        private struct Frame(int node)
        {
            public int Node = node;
            public int Phase;
            public int Position;
            public List<RelevanceEntry>? List;
        }
    }
}
