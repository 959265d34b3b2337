using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Whether a method's own analysis can find a sink call at all, decided on what its body binds to
/// rather than on names. The relevance index's "may send" follows names, and on a large code base a
/// few common ones (ToString, Add, Name) make nearly every member "sending": 17,577 members of the
/// benchmark's real corpus passed it, and 214 had a sink call. A sink call reaches a method's
/// analysis only through what the engine consults there, so this follows that, bound:
/// <list type="bullet">
/// <item>a method leads to the methods it calls (every target of a virtual call, the accessors of a
/// property, a method passed as a delegate) and to the state it reads that can bring a sink call
/// (<see cref="StateCarriers"/>);</item>
/// <item>such state leads to its initializer and to the members that write it, and for a function or
/// a stream a writer leads to its callers (what it stores may be what they pass it: a callback);</item>
/// <item>a body that calls a sink, starts a process or opens a network stream sends
/// (<see cref="SendingScan"/>).</item>
/// </list>
/// A delegate's functions are lambdas of the method itself or values that come from a callee or from
/// state, so they are covered. Answers are memoised per compilation, and both "sends nothing" and "sends"
/// are kept for the project's next one with what they were found from; a search that visits
/// <see cref="MaxVisits"/> members answers "may send", which costs an analysis, never a diagnostic.
/// </summary>
internal sealed class SendingReach
{
    /// <summary>Bound on the members one question visits.</summary>
    public const int MaxVisits = 4000;

    private readonly FlowContext _context;
    private readonly ConcurrentDictionary<ISymbol, bool> _answers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, SendingScan> _scans = new(SymbolEqualityComparer.Default);

    /// <summary>What each member's scan read (its code, the names it searched), and what each "sends nothing" was found from.</summary>
    private readonly ConcurrentDictionary<ISymbol, AnswerDeps> _scanDeps = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, AnswerDeps> _doesNotSend = new(SymbolEqualityComparer.Default);

    /// <summary>What each "sends" found on a search's path was found from: the member's scan and its successor's "sends".</summary>
    private readonly ConcurrentDictionary<ISymbol, AnswerDeps> _sends = new(SymbolEqualityComparer.Default);

    public SendingReach(FlowContext context)
    {
        _context = context;
    }

    /// <summary>
    /// False only when no analysis of the method can record a sink call: then it has nothing to report.
    /// Tarjan's algorithm over the members reachable from the method: the search stops at the first
    /// member that sends, and every member still on the component stack then sends too (those on the
    /// path lead to it, the others reach a member on the path); a component that completes reaches no
    /// sink. Either way each member is scanned and visited once per compilation.
    /// </summary>
    public bool MaySend(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        return _answers.TryGetValue(method, out var known) ? known
            : Carried(method, cancellationToken) ?? new Search(this, cancellationToken).From(method);
    }

    private int _takenOver;

    /// <summary>How many "sends nothing" this compilation took over from the last one instead of searching.</summary>
    public int TakenOver => Volatile.Read(ref _takenOver);

    private int _sendsTakenOver;

    /// <summary>How many "sends" this compilation took over from the last one instead of searching.</summary>
    public int SendsTakenOver => Volatile.Read(ref _sendsTakenOver);

    /// <summary>
    /// What the project's last compilation found, "sends" or "sends nothing", when nothing edited since touches
    /// it (then answered here too); null when the member must be searched.
    /// </summary>
    private bool? Carried(ISymbol member, CancellationToken cancellationToken)
    {
        if (_context.Carry.TakeDoesNotSend(member, cancellationToken) is { } deps)
        {
            Interlocked.Increment(ref _takenOver);
            _doesNotSend.TryAdd(member, deps);
            _answers.TryAdd(member, false);
            return false;
        }

        if (_context.Carry.TakeSends(member, cancellationToken) is { } sends)
        {
            Interlocked.Increment(ref _sendsTakenOver);
            _sends.TryAdd(member, sends);
            _answers.TryAdd(member, true);
            return true;
        }

        return null;
    }

    /// <summary>One question's search; what it settles goes to the shared answers.</summary>
    private sealed class Search
    {
        private readonly SendingReach _reach;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<ISymbol, int> _order = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, int> _low = new(SymbolEqualityComparer.Default);
        private readonly List<ISymbol> _component = new();
        private readonly HashSet<ISymbol> _onComponent = new(SymbolEqualityComparer.Default);
        private readonly Stack<Frame> _frames = new();

        public Search(SendingReach reach, CancellationToken cancellationToken)
        {
            _reach = reach;
            _cancellationToken = cancellationToken;
        }

        public bool From(ISymbol start)
        {
            if (Enter(start))
            {
                return true;
            }

            while (_frames.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var frame = _frames.Pop();
                if (frame.Position < frame.Next.Length)
                {
                    _frames.Push(frame with { Position = frame.Position + 1 });
                    var successor = frame.Next[frame.Position];
                    bool? answered = _reach._answers.TryGetValue(successor, out var sends) ? sends
                        : _order.ContainsKey(successor) ? null : _reach.Carried(successor, _cancellationToken);
                    if (answered is { } known)
                    {
                        if (known) return Found(successor);
                    }
                    else if (!_order.ContainsKey(successor))
                    {
                        // Past the bound the answer stays "may send"; components already completed keep theirs.
                        if (_order.Count >= MaxVisits || Enter(successor)) return true;
                    }
                    else if (_onComponent.Contains(successor))
                    {
                        _low[frame.Member] = System.Math.Min(_low[frame.Member], _order[successor]);
                    }

                    continue;
                }

                if (_frames.Count > 0)
                {
                    var caller = _frames.Peek().Member;
                    _low[caller] = System.Math.Min(_low[caller], _low[frame.Member]);
                }

                if (_low[frame.Member] == _order[frame.Member])
                {
                    Completed(frame.Member);
                }
            }

            return false;
        }

        /// <summary>Scans a member; true when it calls a sink, which settles the search.</summary>
        private bool Enter(ISymbol member)
        {
            _order[member] = _low[member] = _order.Count;
            _component.Add(member);
            _onComponent.Add(member);
            var scan = _reach.ScanOf(member, _cancellationToken);
            if (scan.CallsSink)
            {
                if (_reach._scanDeps.TryGetValue(member, out var scanned) && _reach._sends.TryAdd(member, scanned))
                {
                    _reach._context.Carry.KeepSends(member, scanned, _cancellationToken);
                }

                return Found(member);
            }

            _frames.Push(new Frame(member, scan.Next, 0));
            return false;
        }

        /// <summary>
        /// Every member still on the component stack reaches the sink just found, through the sender. Those on the
        /// path to it keep "sends" for the next compilation, each found from its own scan and the next one's "sends".
        /// </summary>
        private bool Found(ISymbol sender)
        {
            foreach (var member in _component)
            {
                _reach._answers[member] = true;
            }

            if (!_reach._sends.TryGetValue(sender, out var next))
            {
                return true;
            }

            foreach (var frame in _frames)
            {
                if (!_reach._scanDeps.TryGetValue(frame.Member, out var scanned)) break;
                var deps = new AnswerDeps();
                deps.Uses(scanned);
                deps.Uses(next);
                if (!_reach._sends.TryAdd(frame.Member, deps)) break;
                _reach._context.Carry.KeepSends(frame.Member, deps, _cancellationToken);
                next = deps;
            }

            return true;
        }

        /// <summary>
        /// A component that completed without finding a sink: none of its members sends. That answer was
        /// found from their scans and from the answers of the members outside it that they lead to, all
        /// "sends nothing": recorded, and kept for the next compilation.
        /// </summary>
        private void Completed(ISymbol root)
        {
            var start = _component.Count - 1;
            while (!SymbolEqualityComparer.Default.Equals(_component[start], root))
            {
                start--;
            }

            var members = _component.GetRange(start, _component.Count - start);
            _component.RemoveRange(start, members.Count);
            var deps = Deps(members);
            foreach (var member in members)
            {
                _onComponent.Remove(member);
                if (deps is not null && _reach._doesNotSend.TryAdd(member, deps)) _reach._context.Carry.KeepDoesNotSend(member, deps, _cancellationToken);
                _reach._answers.TryAdd(member, false);
            }
        }

        /// <summary>What a component's "sends nothing" was found from; null when a part of it is not known (it is then not kept).</summary>
        private AnswerDeps? Deps(List<ISymbol> members)
        {
            var deps = new AnswerDeps();
            var inside = new HashSet<ISymbol>(members, SymbolEqualityComparer.Default);
            foreach (var member in members)
            {
                if (!_reach._scanDeps.TryGetValue(member, out var scanned) || !_reach._scans.TryGetValue(member, out var scan)) return null;
                deps.Uses(scanned);
                foreach (var next in scan.Next)
                {
                    if (inside.Contains(next)) continue;
                    if (!_reach._doesNotSend.TryGetValue(next, out var reached)) return null;
                    deps.Uses(reached);
                }
            }

            return deps;
        }

        private readonly record struct Frame(ISymbol Member, ImmutableArray<ISymbol> Next, int Position);
    }

    /// <summary>
    /// Whether state that carries this is followed to its writers. Streams matter only where something
    /// may open a network stream: a tree mentions a member that hands one out (the writes into it are
    /// what sends). That is decided once per compilation, by names.
    /// </summary>
    public bool Follows(StateCarrier carrier, CancellationToken cancellationToken) => carrier switch
    {
        StateCarrier.Data => false,
        StateCarrier.Streams => _context.Relevance(cancellationToken).HandlesHandedOut.HasFlag(Models.Handle.NetworkStream),
        _ => true,
    };

    private SendingScan ScanOf(ISymbol member, CancellationToken cancellationToken)
    {
        if (_scans.TryGetValue(member, out var scan))
        {
            return scan;
        }

        var deps = new AnswerDeps();
        scan = member is IMethodSymbol method ? ScanMethod(method, deps, cancellationToken) : ScanState(member, deps, cancellationToken);
        _scanDeps.TryAdd(member, deps);
        return _scans.GetOrAdd(member, scan);
    }

    private SendingScan ScanMethod(IMethodSymbol method, AnswerDeps deps, CancellationToken cancellationToken)
    {
        var prepared = _context.Summaries.Prepared(method, cancellationToken);
        if (prepared.Key is { } key) deps.ReadsBody(key);
        var held = prepared.HoldsGraph;
        if (prepared.Operation is not { } body)
        {
            return SendingScan.Nothing;
        }

        var scan = SendingScan.Of(body, _context, cancellationToken);

        // Only the scan is needed here: operations bound for it are let go (most members scanned are
        // never analysed); an analysis binds again through the semantic model, which keeps them.
        if (!held) prepared.Release();
        return scan;
    }

    /// <summary>
    /// State: what its initializer calls, and its writers. A writer may store what its callers pass it,
    /// so for a function or a stream, the writers' callers too; for state typed object or by a type
    /// parameter they are not followed (a callback stored as object and cast back is not seen).
    /// </summary>
    private SendingScan ScanState(ISymbol state, AnswerDeps deps, CancellationToken cancellationToken)
    {
        var summaries = _context.Summaries;
        if (summaries.HoldsNothing(state, cancellationToken))
        {
            return SendingScan.Nothing;
        }

        var initializer = MethodBodies.GetInitializer(state, _context.Compilation, cancellationToken);
        if (initializer is not null) deps.ReadsBody(BodyKey.Of(initializer.Syntax, cancellationToken));
        var scan = initializer is not null ? SendingScan.Of(initializer, _context, cancellationToken) : SendingScan.Nothing;
        if (scan.CallsSink)
        {
            return scan;
        }

        var next = new List<ISymbol>(scan.Next);
        var callers = StateCarriers.Of(state) is StateCarrier.Functions or StateCarrier.Streams;

        // The callers the engine asks for what a writer stores.
        var question = SummaryStore.CallersOfWriters(state);
        foreach (var writer in summaries.Writers(state, deps, cancellationToken))
        {
            next.Add(writer);
            if (callers && writer is IMethodSymbol method && !method.Parameters.IsEmpty)
            {
                next.AddRange(_context.Members.Ask(method, question, deps, cancellationToken));
            }
        }

        return SendingScan.LeadingTo(next);
    }
}
