using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Method summaries, computed on demand from the callee's body alone and memoised per compilation.
/// A summary computed without a cut (see <see cref="CallChain"/>) is cached and serves every caller;
/// a method's analysis therefore costs the same whether it has one caller or a thousand.
/// </summary>
internal sealed partial class SummaryStore
{
    private readonly FlowContext _context;
    private sealed class MethodFlagComparer : IEqualityComparer<(IMethodSymbol Method, bool IsVirtual)>
    {
        public static readonly MethodFlagComparer Instance = new();

        public bool Equals((IMethodSymbol Method, bool IsVirtual) x, (IMethodSymbol Method, bool IsVirtual) y) =>
            x.IsVirtual == y.IsVirtual && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((IMethodSymbol Method, bool IsVirtual) key) => SymbolEqualityComparer.Default.GetHashCode(key.Method) * 2 + (key.IsVirtual ? 1 : 0);
    }

    private readonly ConcurrentDictionary<(ISymbol Member, int Mode), MethodSummary> _complete = new(MemberModeComparer.Instance);
    private readonly ConcurrentDictionary<IMethodSymbol, PreparedBody> _bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(ISymbol Member, int Mode), MethodSummary> _initializers = new(MemberModeComparer.Instance);
    private readonly ConcurrentDictionary<(ISymbol Member, int Mode), FieldAnswer> _fields = new(MemberModeComparer.Instance);
    private readonly ConcurrentDictionary<(SyntaxNode Lambda, int Mode), MethodSummary> _lambdas = new();
    private readonly ConcurrentDictionary<(IMethodSymbol Method, bool IsVirtual), bool> _mayProduce = new(MethodFlagComparer.Instance);

    public SummaryStore(FlowContext context)
    {
        _context = context;
    }

    /// <summary>How many field values this compilation took over from the last one instead of computing them.</summary>
    public int CarriedValues => _context.Carry.Taken;

    /// <summary>The summary a call site uses, or null when the default rule applies (no body, cut, nothing to find).</summary>
    public MethodSummary? ForCall(IMethodSymbol method, ITypeSymbol? receiverType, CallChain chain, CancellationToken cancellationToken, bool isVirtual = false)
    {
        method = method.OriginalDefinition;
        if (isVirtual && DispatchTargets.IsDispatched(method))
        {
            return ForDispatch(method, chain, cancellationToken);
        }

        if (!MethodBodies.HasSourceBody(method))
        {
            return null;
        }

        if (_complete.TryGetValue((method, chain.CalleeMode), out var cached))
        {
            chain.MarkReadsState(cached.StateRead);
            chain.Deps.Uses(cached.Deps);
            return cached;
        }

        var state = chain.Budget;
        if (state.OnStack.Contains(method) || state.Provisional.ContainsKey(method))
        {
            // A call back into a cycle being solved: its current approximation, refined until stable.
            NoteDependency(chain, method);
            NoteReaders(chain, method);
            return state.Provisional.TryGetValue(method, out var provisional) ? provisional : MethodSummary.Empty;
        }

        if (TakeOver(method, chain.CalleeMode, cancellationToken) is { } carried)
        {
            chain.MarkReadsState(carried.StateRead);
            chain.Deps.Uses(carried.Deps);
            return carried;
        }

        if (SameAtAnotherLevel(method, chain.CalleeMode, cancellationToken) is { } same)
        {
            chain.MarkReadsState(same.StateRead);
            chain.Deps.Uses(same.Deps);
            return same;
        }

        if (state.Cut.TryGetValue((method, chain.CalleeMode), out var cut))
        {
            chain.MarkIncomplete();
            chain.MarkReadsState(cut.StateRead);
            chain.Deps.Uses(cut.Deps);
            return cut;
        }

        if (chain.Depth >= CallChain.MaxDepth && state.Remaining > 0 && state.Handoffs < MaxHandoffs)
        {
            // A body with nothing to analyse has the same answer at any depth, complete.
            var prepared = Prepared(method, cancellationToken);
            if (prepared.Graph is null)
            {
                if (prepared.Key is not { } key) return null;
                chain.Deps.ReadsBody(key);
                return MethodSummary.Empty;
            }

            if (OnFreshStack(method, chain.CalleeMode, state.Handoffs + 1, cancellationToken) is { } resumed)
            {
                chain.MarkReadsState(resumed.StateRead);
                chain.Deps.Uses(resumed.Deps);
                return resumed;
            }

            // Summarised as a root already, with its own cuts resumed, and still incomplete: resuming it
            // again after this computation would find the same.
            chain.MarkIncomplete();
            return null;
        }

        if (chain.Depth >= CallChain.MaxDepth || state.Remaining <= 0)
        {
            if (state.Remaining > 0) state.CutByDepth.Add((method, chain.CalleeMode));
            chain.MarkIncomplete();
            return null;
        }

        state.Remaining--;
        var frame = chain.Enter(method);
        var summary = Solve(method, frame, cancellationToken);
        chain.Deps.Uses(frame.Deps);
        if (chain.Member is IMethodSymbol caller && state.LowLink.TryGetValue(caller, out var callerLow) && state.LowLink.TryGetValue(method, out var calleeLow))
        {
            state.LowLink[caller] = System.Math.Min(callerLow, calleeLow);
        }

        return summary;
    }

    /// <summary>
    /// The summary at this level when one computed at another is the same: every piece of state that one
    /// read holds the same value at both levels, so both computations see the same values. Most state
    /// holds nothing a rule cares about, or the same at every level, so most methods are analysed once
    /// for every level. Null when there is none (the caller then computes it).
    /// </summary>
    private MethodSummary? SameAtAnotherLevel(IMethodSymbol method, int mode, CancellationToken cancellationToken)
    {
        for (var other = 0; other <= CallChain.Normal; other++)
        {
            if (other != mode && _complete.TryGetValue((method, other), out var summary) && !summary.StateRead.IsLevelBound
                && ReadTheSame(summary.StateRead, mode - 1, other - 1, cancellationToken) is { } compared)
            {
                // It holds here because those values are the same: an edit that changes one of them changes it.
                compared.Add(summary.Deps);
                var shared = summary.WithDeps(AnswerDeps.Of(compared));
                var cached = _complete.GetOrAdd((method, mode), shared);
                if (ReferenceEquals(cached, shared)) _context.Carry.KeepSummary(method, mode, mode, shared, cancellationToken);
                return cached;
            }
        }

        return null;
    }

    /// <summary>
    /// The records of the values compared when every piece of this state holds the same value at both
    /// levels; null when one differs. The other level's values
    /// are cached already (the summary read them when it was computed, or they were compared when it was
    /// shared); only this level's can be computed here, at the level below the caller's, as any read
    /// would: values still never wait on each other.
    /// </summary>
    private List<AnswerDeps>? ReadTheSame(StateReads reads, int level, int otherLevel, CancellationToken cancellationToken)
    {
        var compared = new List<AnswerDeps>(reads.Fields.Length * 2 + 1);
        foreach (var field in reads.Fields)
        {
            var value = ValueAtLevel(field, level, cancellationToken);
            var other = ValueAtLevel(field, otherLevel, cancellationToken);
            if (!value.Value.SameValue(other.Value)) return null;
            compared.Add(value.Deps);
            compared.Add(other.Deps);
        }

        return compared;
    }

    /// <summary>A back edge from the innermost method to a method on the stack: they are in one cycle.</summary>
    private static void NoteDependency(CallChain chain, IMethodSymbol callee)
    {
        var state = chain.Budget;
        if (chain.Member is not IMethodSymbol caller || !state.LowLink.TryGetValue(caller, out var low) || !state.Index.TryGetValue(callee, out var index))
        {
            return;
        }

        state.LowLink[caller] = System.Math.Min(low, index);
        if (SymbolEqualityComparer.Default.Equals(caller, callee))
        {
            state.CallsItself.Add(callee);
        }
    }

    /// <summary>
    /// Every frame between the cycle member whose provisional summary is read and the reader depends on
    /// it (the reader may be a lambda or a callee of a member): each is computed again when it changes.
    /// </summary>
    private static void NoteReaders(CallChain chain, IMethodSymbol callee)
    {
        var readers = chain.Budget.ReadersOfProvisional;
        if (!readers.TryGetValue(callee, out var set))
        {
            readers[callee] = set = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        }

        for (var frame = chain; frame is not null && !SymbolEqualityComparer.Default.Equals(frame.Member, callee); frame = frame.Parent)
        {
            if (!set.Add(frame.Member)) break;
        }
    }

    /// <summary>
    /// Tarjan's algorithm, on demand: a method that is not the root of a cycle keeps a provisional
    /// summary; the root of a cycle iterates every member to a fixpoint (bounded rounds) from the
    /// provisional ones, then caches them all. A cycle is thus solved once, whoever reaches it first,
    /// and its least fixpoint does not depend on where it was entered.
    /// </summary>
    private MethodSummary? Solve(IMethodSymbol method, CallChain frame, CancellationToken cancellationToken)
    {
        var state = frame.Budget;
        var index = state.NextIndex++;
        state.Index[method] = index;
        state.LowLink[method] = index;
        state.Stack.Push(method);
        state.OnStack.Add(method);

        var summary = Compute(method, frame, cancellationToken);
        if (state.LowLink[method] != index)
        {
            if (summary is not null) state.Provisional[method] = summary;
            return summary;
        }

        var cycle = new List<IMethodSymbol>();
        IMethodSymbol member;
        do
        {
            member = state.Stack.Pop();
            state.OnStack.Remove(member);
            cycle.Add(member);
        }
        while (!SymbolEqualityComparer.Default.Equals(member, method));

        if (cycle.Count > 1 || state.CallsItself.Contains(method))
        {
            if (summary is not null) state.Provisional[method] = summary;
            cycle.Sort((a, b) => state.Index[b].CompareTo(state.Index[a]));
            summary = IterateCycle(cycle, frame, cancellationToken) ?? summary;
        }
        else if (summary is not null && !frame.Incomplete)
        {
            Complete(method, frame.Mode, summary, cancellationToken);
            ReleaseWhenDone(method);
        }
        else if (summary is not null)
        {
            state.Cut[(method, frame.Mode)] = summary;
        }

        return summary;
    }

    private const int MaxCycleRounds = 6;

    /// <summary>
    /// Caches a summary computed at a mode; one that read no level-dependent state is what every level
    /// below <see cref="CallChain.Report"/> would compute, so it is kept for all of them.
    /// </summary>
    private static void Remember<TKey>(ConcurrentDictionary<(TKey Member, int Mode), MethodSummary> cache, TKey member, int mode, MethodSummary summary)
    {
        cache.TryAdd((member, mode), summary);
        var (first, last) = ModesServed(mode, summary);
        for (var other = first; other <= last; other++)
        {
            cache.TryAdd((member, other), summary);
        }
    }

    /// <summary>The modes a summary computed at one mode serves: that one, or every level when it read no level-dependent state.</summary>
    private static (int First, int Last) ModesServed(int mode, MethodSummary summary) =>
        summary.ReadsState || mode >= CallChain.Report ? (mode, mode) : (0, CallChain.Normal);

    /// <summary>Caches a method's complete summary (<see cref="Remember{TKey}"/>) and keeps it for the project's next compilation.</summary>
    private void Complete(IMethodSymbol method, int mode, MethodSummary summary, CancellationToken cancellationToken)
    {
        Remember(_complete, method, mode, summary);
        var (first, last) = ModesServed(mode, summary);
        _context.Carry.KeepSummary(method, first, last, summary, cancellationToken);
    }

    /// <summary>
    /// The summary the project's last compilation made, when nothing it was computed from was edited since
    /// (<see cref="AnswerCarry"/>), cached as if computed here; null when it must be computed.
    /// </summary>
    private MethodSummary? TakeOver(IMethodSymbol method, int mode, CancellationToken cancellationToken)
    {
        if (_context.Carry.TakeSummary(method, mode, cancellationToken) is not { } carried)
        {
            return null;
        }

        Remember(_complete, method, mode, carried);
        return _complete.TryGetValue((method, mode), out var cached) ? cached : carried;
    }

    private MethodSummary? IterateCycle(List<IMethodSymbol> cycle, CallChain frame, CancellationToken cancellationToken)
    {
        var state = frame.Budget;

        // The rounds run beside the first computation: a cut or a read of level-dependent state met in
        // any of them holds for the whole cycle, whose members depend on each other.
        var incomplete = frame.Incomplete;
        var reads = new List<StateReads> { frame.StateRead };
        // The first round computes every member again over the provisional summaries of the first pass;
        // after it, only a member that read the provisional summary of one that changed (chaotic
        // iteration: the same fixpoint, without analysing again what depends on nothing that moved).
        var members = new HashSet<IMethodSymbol>(cycle, SymbolEqualityComparer.Default);
        var dirty = new HashSet<IMethodSymbol>(members, SymbolEqualityComparer.Default);
        for (var round = 0; round < MaxCycleRounds && dirty.Count > 0; round++)
        {
            foreach (var member in cycle)
            {
                if (!dirty.Remove(member)) continue;
                var roundFrame = frame.Beside(member);
                var summary = Compute(member, roundFrame, cancellationToken);
                incomplete |= roundFrame.Incomplete;
                reads.Add(roundFrame.StateRead);
                frame.Deps.Uses(roundFrame.Deps);
                if (summary is null) continue;
                if (!state.Provisional.TryGetValue(member, out var before) || !summary.SameShape(before)) MarkReaders(state, member, members, dirty);
                state.Provisional[member] = summary;
            }
        }

        var readByAll = StateReads.Union(reads);
        MethodSummary? root = null;
        foreach (var member in cycle)
        {
            if (state.Provisional.TryGetValue(member, out var solved))
            {
                solved = solved.ThatReads(readByAll, frame.Deps);
                if (!incomplete)
                {
                    Complete(member, frame.Mode, solved, cancellationToken);
                    ReleaseWhenDone(member);
                }
                else
                {
                    state.Cut[(member, frame.Mode)] = solved;
                }

                state.Provisional.Remove(member);
                if (root is null && SymbolEqualityComparer.Default.Equals(member, frame.Member)) root = solved;
            }
        }

        return root;
    }

    /// <summary>A member's provisional summary changed: the members of its cycle that read it are computed again.</summary>
    private static void MarkReaders(ChainState state, IMethodSymbol changed, HashSet<IMethodSymbol> members, HashSet<IMethodSymbol> dirty)
    {
        if (!state.ReadersOfProvisional.TryGetValue(changed, out var readers)) return;
        foreach (var reader in readers)
        {
            if (reader is IMethodSymbol method && members.Contains(method)) dirty.Add(method);
        }
    }

    /// <summary>A virtual or interface call: what any of its targets in this compilation may do.</summary>
    private MethodSummary? ForDispatch(IMethodSymbol method, CallChain chain, CancellationToken cancellationToken)
    {
        var summaries = new List<MethodSummary>();
        foreach (var target in _context.Dispatch.Of(method, cancellationToken))
        {
            if (ForCall(target, null, chain, cancellationToken) is { } summary)
            {
                summaries.Add(summary);
            }
        }

        return summaries.Count switch
        {
            0 => null,
            1 => summaries[0],
            _ => MethodSummary.Merge(summaries),
        };
    }

    /// <summary>
    /// Whether a call must consult the callee's summary: when something it is given carries data (a
    /// caller's parameters included), or when the callee itself may produce sensitive data or consent
    /// facts (the relevance index, over every target of a virtual call). Otherwise the default rule
    /// gives what the summary would: nothing.
    /// </summary>
    public bool MayProduce(IMethodSymbol method, bool isVirtual, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        return _mayProduce.TryGetValue((method, isVirtual), out var known) ? known : _mayProduce.GetOrAdd((method, isVirtual), ComputeMayProduce(method, isVirtual, cancellationToken));
    }

    private bool ComputeMayProduce(IMethodSymbol method, bool isVirtual, CancellationToken cancellationToken)
    {
        if (isVirtual && DispatchTargets.IsDispatched(method))
        {
            foreach (var target in _context.Dispatch.Of(method, cancellationToken))
            {
                if (Relevant(target, cancellationToken)) return true;
            }

            return false;
        }

        return Relevant(method, cancellationToken);
    }

    private bool Relevant(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var declaration = method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet && method.AssociatedSymbol is { } property
            ? property
            : method;
        foreach (var reference in declaration.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (_context.Relevance(cancellationToken).Matters(syntax.SyntaxTree, syntax))
            {
                return true;
            }
        }

        return declaration.DeclaringSyntaxReferences.IsEmpty;
    }

    /// <summary>The summary of a property accessor with a body, for reads and writes of the property.</summary>
    public MethodSummary? ForAccessor(IMethodSymbol? accessor, CallChain chain, CancellationToken cancellationToken) =>
        accessor is null || accessor.IsImplicitlyDeclared || IsAutoAccessor(accessor) ? null : ForCall(accessor, null, chain, cancellationToken);

    /// <summary>The summary of a method analysed for its own diagnostics.</summary>
    public MethodSummary ForRoot(IMethodSymbol method, CancellationToken cancellationToken)
    {
        _context.Carry.Settle(cancellationToken);
        method = method.OriginalDefinition;
        if (_complete.TryGetValue((method, CallChain.Report), out var cached) || (cached = TakeOver(method, CallChain.Report, cancellationToken)) is not null)
        {
            return cached;
        }

        var chain = CallChain.Start(method, CallChain.Report);
        var summary = Compute(method, chain, cancellationToken);
        if (chain.Incomplete && Deepen(chain.Budget, 0, cancellationToken))
        {
            summary = Compute(method, CallChain.Start(method, CallChain.Report), cancellationToken);
        }

        // A root is analysed once for its own diagnostics, mostly after callers needed its summaries or
        // with no caller at all: what it bound is held only weakly from now on (a caller that comes
        // later takes it back, or binds the body again if the collector took it).
        Release(method);
        return summary ?? MethodSummary.Empty;
    }

    /// <summary>
    /// A method whose own analysis is skipped (nothing it reaches sends): as after <see cref="ForRoot"/>,
    /// its report is settled (it has none) and what it bound is held only weakly from now on, and again
    /// once its summary is cached at every level (<see cref="ReleaseWhenDone"/>).
    /// </summary>
    public void Skip(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        _complete.TryAdd((method, CallChain.Report), MethodSummary.Empty);
        Release(method);
    }

    /// <summary>
    /// Holds a method's graph only weakly once nothing is left to compute from it in this compilation:
    /// it was analysed for its own diagnostics, and its summary is cached at every level (a body bound
    /// again for a caller that came after its own analysis).
    /// </summary>
    private void ReleaseWhenDone(IMethodSymbol method)
    {
        for (var mode = 0; mode <= CallChain.Report; mode++)
        {
            if (!_complete.ContainsKey((method, mode))) return;
        }

        Release(method);
    }

    private void Release(IMethodSymbol method)
    {
        if (_bodies.TryGetValue(method, out var prepared)) prepared.Release();
    }

    /// <summary>
    /// The method's complete summary at the mode, computed on a chain of its own when this compilation has
    /// none yet; null when it cannot be completed.
    /// </summary>
    public MethodSummary? SummaryAt(IMethodSymbol method, int mode, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (!MethodBodies.HasSourceBody(method))
        {
            return null;
        }

        if (!_complete.TryGetValue((method, mode), out var summary))
        {
            SolveAsRoot(method, mode, 0, 0, cancellationToken);
            _complete.TryGetValue((method, mode), out summary);
        }

        return summary;
    }

    /// <summary>The complete summary this compilation holds for the method at the mode, computed or taken over; null when it has none yet.</summary>
    public MethodSummary? Cached(IMethodSymbol method, int mode) => _complete.TryGetValue((method.OriginalDefinition, mode), out var cached) ? cached : null;

    /// <summary>True while the store holds the method's graph strongly (memory; a root's is held weakly once it is analysed).</summary>
    public bool HoldsGraphOf(IMethodSymbol method) => _bodies.TryGetValue(method.OriginalDefinition, out var prepared) && prepared.HoldsGraph;

    /// <summary>How many times a chain cut by depth is resumed: chains up to this many times <see cref="CallChain.MaxDepth"/> deep are followed.</summary>
    private const int MaxDeepening = 8;

    /// <summary>
    /// Summarises the methods a computation cut at the depth bound, each as the root of a chain of its
    /// own (deepest cuts first, by recursion), so that computing the root again finds them cached.
    /// The stack stays one bound deep, and each method of a long chain is analysed a bounded number
    /// of times: linear in the chain's length. True when any of them is now cached.
    /// </summary>
    private bool Deepen(ChainState state, int deepening, CancellationToken cancellationToken)
    {
        if (deepening >= MaxDeepening || state.CutByDepth.Count == 0)
        {
            return false;
        }

        var any = false;
        foreach (var (method, mode) in state.CutByDepth)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_complete.ContainsKey((method, mode)))
            {
                any = true;
                continue;
            }

            SolveAsRoot(method, mode, state.Handoffs, deepening + 1, cancellationToken);
            any |= _complete.ContainsKey((method, mode));
        }

        return any;
    }

    /// <summary>
    /// Solves a method as the root of a computation of its own, and again once the methods that
    /// computation cut are summarised (<paramref name="deepening"/>: how deep those resumptions go already).
    /// </summary>
    private void SolveAsRoot(IMethodSymbol method, int mode, int handoffs, int deepening, CancellationToken cancellationToken)
    {
        var chain = CallChain.Start(method, mode, handoffs);
        Solve(method, chain, cancellationToken);
        if (chain.Incomplete && Deepen(chain.Budget, deepening, cancellationToken))
        {
            Solve(method, CallChain.Start(method, mode, handoffs), cancellationToken);
        }
    }

    /// <summary>
    /// What a field or auto-property of this compilation holds, seen from any method: the join of what
    /// every member that writes it stores there (constructors and initializers included), with the
    /// writer's parameters replaced by what its callers pass. Field-based: all instances as one.
    /// A summary in normal mode reads fields at level 1. A field's value at a level is computed by
    /// analysing its writers at that level, where other fields read at the level below, and level 0
    /// reads them as clean. Field values never wait on each other, so each is computed once, cached,
    /// and the same whatever order the IDE asks in; one hop of field-to-field flow is followed. Reading
    /// state that may hold something marks the reader as depending on its level
    /// (<see cref="CallChain.StateRead"/>); every other summary is computed once for all levels, and so
    /// is one at the levels where what it read holds the same (<see cref="SameAtAnotherLevel"/>).
    /// </summary>
    public TaintValue FieldValue(ISymbol field, CallChain reader, CancellationToken cancellationToken)
    {
        field = field.OriginalDefinition;
        if (HoldsNothing(field, cancellationToken))
        {
            return TaintValue.Clean;
        }

        // Its value depends on the level it is read at, so the reader's summary does too.
        reader.MarkReadsState(field);
        var level = System.Math.Min(reader.Mode, CallChain.Normal) - 1;
        var answer = ValueAtLevel(field, level, cancellationToken);
        reader.Deps.Uses(answer.Deps);
        return answer.Value;
    }

    /// <summary>
    /// True for state that reads as clean at every level: metadata, constants, and state no member that
    /// matters writes (delegates are followed whoever stores them).
    /// </summary>
    public bool HoldsNothing(ISymbol field, CancellationToken cancellationToken) =>
        field.DeclaringSyntaxReferences.IsEmpty || field is IFieldSymbol { IsConst: true }
        || !_context.Relevance(cancellationToken).MayHold(field.Name) && !HoldsFunctions(field);

    /// <summary>
    /// The value at a level, with what it was computed from; below level 0, all state reads as clean. A
    /// value the last compilation of the project computed is taken over when nothing it was computed
    /// from changed since and it holds no symbol (<see cref="AnswerCarry"/>).
    /// </summary>
    private FieldAnswer ValueAtLevel(ISymbol field, int level, CancellationToken cancellationToken)
    {
        if (level < 0)
        {
            return FieldAnswer.CleanOfNothing;
        }

        if (_fields.TryGetValue((field, level), out var cached))
        {
            return cached;
        }

        if (_context.Carry.Take(field, level, cancellationToken) is { } carried)
        {
            return _fields.GetOrAdd((field, level), carried);
        }

        WorkCounters.FieldValue();
        var frame = CallChain.Start(field, level);
        var value = WrittenValue(field, frame, cancellationToken);
        if (frame.Incomplete && Deepen(frame.Budget, 0, cancellationToken))
        {
            // A writer's chain was cut at the depth bound: as for a root, the methods cut are summarised
            // as chains of their own, and the value is computed again over their cached summaries.
            frame = CallChain.Start(field, level);
            value = WrittenValue(field, frame, cancellationToken);
        }

        var answer = _fields.GetOrAdd((field, level), new FieldAnswer(value, frame.Deps));
        if (ReferenceEquals(answer.Deps, frame.Deps)) _context.Carry.Keep(field, level, value, frame.Deps, cancellationToken);
        return answer;
    }

    /// <summary>The join of what the field's initializer and every member that writes it store there.</summary>
    private TaintValue WrittenValue(ISymbol field, CallChain frame, CancellationToken cancellationToken)
    {
        if (field is IParameterSymbol { ContainingSymbol: IMethodSymbol constructor } captured)
        {
            // A primary constructor's parameter, captured: written once, by the constructor, with what its callers pass.
            var declared = captured.Locations.IsEmpty ? Location.None : captured.Locations[0];
            var passed = FromCallers(TaintValue.FromParameter(captured.Ordinal, declared), constructor, MemberIndex.Question.RelevantMentioning, frame,
                cancellationToken).ReadElsewhere();
            return passed.IsClean ? TaintValue.Clean : passed;
        }

        // The initializer writes the field too; its declarator is not a mention the name index sees.
        TaintValue? value = ForInitializer(field, frame, cancellationToken) is { } initializer && initializer.FieldWrites.TryGetValue(field, out var initial)
            ? initial.WithoutParameters()
            : null;
        foreach (var writer in Writers(field, frame.Deps, cancellationToken))
        {
            var summary = writer is IMethodSymbol method ? ForCall(method, null, frame, cancellationToken) : ForInitializer(writer, frame, cancellationToken);
            if (summary is not null && summary.FieldWrites.TryGetValue(field, out var written))
            {
                var instantiated = FromCallers(written, writer as IMethodSymbol, CallersOfWriters(field), frame, cancellationToken);
                value = value is null ? instantiated : value.Join(instantiated);
            }
        }

        if (value is not null && !value.Functions.IsEmpty)
        {
            value = WithoutInertFunctions(value, frame, cancellationToken);
        }

        // Clean is one object, so that comparing values across levels (SameAtAnotherLevel) is exact and quick.
        value = value?.ReadElsewhere();
        return value is null || value.IsClean ? TaintValue.Clean : value;
    }

    /// <summary>
    /// The value without the functions that do nothing wherever they run (a pool's factory,
    /// <c>() => new T()</c>): invoking one changes nothing, so holding it is holding no function. Kept,
    /// such a function made the state differ from level 0 (where state reads as clean) to level 1, and
    /// split every summary that read it, and its callers', by level.
    /// </summary>
    private TaintValue WithoutInertFunctions(TaintValue value, CallChain frame, CancellationToken cancellationToken)
    {
        var kept = value.Functions.RemoveAll(function => DoesNothing(function, frame, cancellationToken));
        return kept.Length == value.Functions.Length ? value : value.WithFunctions(kept);
    }

    private bool DoesNothing(FunctionRef function, CallChain frame, CancellationToken cancellationToken)
    {
        // A virtual method may land on an override that does something: only its own code is asked here.
        var summary = function.Lambda is not null ? ForLambda(function, frame, cancellationToken)
            : function.Method is { } method && !DispatchTargets.IsDispatched(method) ? ForCall(method, null, frame, cancellationToken) : null;

        // Only a cached summary is final: one made under a cut may not have seen all the function does.
        return summary is { DoesNothing: true } && (function.Lambda is { } lambda
            ? _lambdas.ContainsKey((lambda.Syntax, frame.CalleeMode))
            : _complete.ContainsKey((function.Method!, frame.CalleeMode)));
    }

    /// <summary>
    /// The members whose writes make up a field's value. Delegates are followed whoever stores them;
    /// other state, the index looks for only in members that can store sensitive data.
    /// </summary>
    public ImmutableArray<ISymbol> Writers(ISymbol field, AnswerDeps asker, CancellationToken cancellationToken) =>
        _context.Members.Ask(field, HoldsFunctions(field) ? MemberIndex.Question.Writing : MemberIndex.Question.StoringWriting, asker, cancellationToken);

    private static bool HoldsFunctions(ISymbol member) => member switch
    {
        IEventSymbol => true,
        IFieldSymbol field => field.Type.TypeKind == TypeKind.Delegate,
        IPropertySymbol property => property.Type.TypeKind == TypeKind.Delegate,
        _ => false,
    };

    /// <summary>
    /// Which callers of the state's writers may pass what they store: those that see sensitive data; for
    /// state that holds functions, every caller (a callback is registered by a member that sees no
    /// sensitive data itself).
    /// </summary>
    public static MemberIndex.Question CallersOfWriters(ISymbol state) =>
        HoldsFunctions(state) ? MemberIndex.Question.Mentioning : MemberIndex.Question.RelevantMentioning;

    /// <summary>A writer's value with its parameters replaced by what the callers the question names pass (one level up).</summary>
    private TaintValue FromCallers(TaintValue written, IMethodSymbol? writer, MemberIndex.Question callersQuestion, CallChain chain, CancellationToken cancellationToken)
    {
        var value = written.WithoutParameters();
        if (writer is null || (written.Parameters & ~(1UL << 63)) == 0)
        {
            return value;
        }

        // Only a caller that sees sensitive data can pass it (its own parameters are not followed here):
        // the index asks only those, unless a function is what is stored.
        foreach (var caller in _context.Members.Ask(writer, callersQuestion, chain.Deps, cancellationToken))
        {
            if (caller is not IMethodSymbol callerMethod || ForCall(callerMethod, null, chain, cancellationToken) is not { } summary
                || !summary.CallArguments.TryGetValue(writer.OriginalDefinition, out var arguments))
            {
                continue;
            }

            for (var bit = 0; bit < arguments.Length && bit < 63; bit++)
            {
                if ((written.Parameters & (1UL << bit)) != 0)
                {
                    value = value.Join(arguments[bit].WithoutParameters());
                }
            }
        }

        return value;
    }

    /// <summary>The writes of a field's or property's initializer, analysed like a method body.</summary>
    private MethodSummary? ForInitializer(ISymbol member, CallChain chain, CancellationToken cancellationToken)
    {
        if (_initializers.TryGetValue((member, chain.CalleeMode), out var cached))
        {
            chain.Deps.Uses(cached.Deps);
            return cached;
        }

        var body = MethodBodies.GetInitializer(member, _context.Compilation, cancellationToken);
        if (body is not null) chain.Deps.ReadsBody(BodyKey.Of(body.Syntax, cancellationToken));
        var graph = body is null ? null : MethodBodies.CreateGraph(body, cancellationToken);
        if (graph is null)
        {
            return null;
        }

        var frame = chain.Enter(member);
        WorkCounters.Summary(frame.Mode);
        var findings = new MethodFindings();
        var analysis = new MethodFlowAnalysis(_context, graph, null, _context.OptionsFor(body!.Syntax.SyntaxTree), findings,
            new AnalysisBudget(_context.OperationBudget), null, frame, cancellationToken);
        analysis.Run(new FlowState());
        var summary = new MethodSummary(TaintValue.Clean, ImmutableDictionary<int, TaintValue>.Empty, ImmutableDictionary<int, TaintValue>.Empty,
            ImmutableArray<SinkEffect>.Empty, ImmutableArray<SinkEffect>.Empty, false, findings.Calls(), findings.FieldWrites(), findings.CallArguments())
        {
            Deps = frame.Deps,
        };
        chain.Deps.Uses(frame.Deps);
        if (!frame.Incomplete)
        {
            _initializers.TryAdd((member, chain.CalleeMode), summary);
        }

        return summary;
    }

    /// <summary>The method's body bound and scanned, once per compilation (<see cref="PreparedBody"/>).</summary>
    public PreparedBody Prepared(IMethodSymbol method, CancellationToken cancellationToken) =>
        _bodies.TryGetValue(method, out var prepared)
            ? prepared
            : _bodies.GetOrAdd(method, PreparedBody.Of(method, _context.Compilation, _context.Catalog, cancellationToken));

    private MethodSummary? Compute(IMethodSymbol method, CallChain chain, CancellationToken cancellationToken)
    {
        // No body: the default rule says all there is. A body that calls nothing modelled or of this
        // compilation and reads nothing it is given does nothing for its callers (a helper that returns a
        // constant redacts; the rule for library code would have its result carry its arguments).
        var prepared = Prepared(method, cancellationToken);
        if (prepared.Key is not { } key)
        {
            return null;
        }

        chain.Deps.ReadsBody(key);
        if (prepared.Graph is not { } graph)
        {
            return MethodSummary.Empty.WithDeps(chain.Deps);
        }

        var options = _context.OptionsFor(prepared.Tree!);
        WorkCounters.Summary(chain.Mode);
        var sinks = new MethodFindings();
        var analysis = new MethodFlowAnalysis(_context, graph, method, options, sinks, new AnalysisBudget(_context.OperationBudget), null, chain, cancellationToken);
        analysis.Run(chain.Mode == CallChain.Report ? GivenState(method) : EntryState(method));
        var summary = Summarize(method, analysis, sinks, chain);
        if (chain.Mode == CallChain.Report && !chain.Incomplete && _complete.TryAdd((method, chain.Mode), summary))
        {
            _context.Carry.KeepSummary(method, chain.Mode, chain.Mode, summary, cancellationToken);
        }

        return summary;
    }

    /// <summary>Each parameter holds its own symbolic bit, <c>this</c> bit 63: one pass yields every parameter's flows.</summary>
    private static FlowState EntryState(IMethodSymbol method)
    {
        var entry = new FlowState();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Ordinal < 63 && parameter.RefKind != RefKind.Out)
            {
                entry.Set(Place.ForSymbol(parameter), TaintValue.FromParameter(parameter.Ordinal, Declaration(parameter)));
            }
        }

        if (!method.IsStatic)
        {
            entry.Set(Place.ForThis(), TaintValue.FromParameter(63, Declaration(method)));
        }

        return entry;
    }

    /// <summary>A reported method's parameters carry no data, only the mark that they were given.</summary>
    private static FlowState GivenState(IMethodSymbol method)
    {
        var entry = new FlowState();
        foreach (var parameter in method.Parameters)
        {
            entry.Set(Place.ForSymbol(parameter), TaintValue.FromHandle(Handle.Given));
        }

        return entry;
    }

    private static Location Declaration(ISymbol symbol) => symbol.Locations.IsEmpty ? Location.None : symbol.Locations[0];

    /// <summary>
    /// The summary of a lambda created in another member (stored in a field, subscribed to an event):
    /// its parameters are symbolic like a method's, so each invocation instantiates it with its arguments.
    /// </summary>
    public MethodSummary? ForLambda(FunctionRef function, CallChain chain, CancellationToken cancellationToken)
    {
        if (function.Lambda is not { } lambda || function.Graph is not { } graph)
        {
            return null;
        }

        if (_lambdas.TryGetValue((lambda.Syntax, chain.CalleeMode), out var cached))
        {
            chain.MarkReadsState(cached.StateRead);
            chain.Deps.Uses(cached.Deps);
            return cached;
        }

        var symbol = lambda.Symbol;
        if (chain.Contains(symbol) || chain.Depth >= CallChain.MaxDepth || chain.Budget.Remaining <= 0)
        {
            chain.MarkIncomplete();
            return null;
        }

        chain.Budget.Remaining--;
        var frame = chain.Enter(symbol);
        frame.Deps.ReadsBody(BodyKey.Of(lambda.Syntax, cancellationToken));
        WorkCounters.Summary(frame.Mode);
        var findings = new MethodFindings();
        var body = graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken);
        var analysis = new MethodFlowAnalysis(_context, body, symbol, _context.OptionsFor(lambda.Syntax.SyntaxTree), findings,
            new AnalysisBudget(_context.OperationBudget), null, frame, cancellationToken);
        analysis.Run(EntryState(symbol));
        var summary = Summarize(symbol, analysis, findings, frame);
        chain.Deps.Uses(frame.Deps);
        if (!frame.Incomplete)
        {
            Remember(_lambdas, lambda.Syntax, chain.CalleeMode, summary);
        }

        return summary;
    }

    private static MethodSummary Summarize(IMethodSymbol method, MethodFlowAnalysis analysis, MethodFindings sinks, CallChain frame)
    {
        var exit = analysis.ExitState;
        var outs = ImmutableDictionary<int, TaintValue>.Empty;
        var contents = ImmutableDictionary<int, TaintValue>.Empty;
        if (exit is not null)
        {
            foreach (var parameter in method.Parameters)
            {
                var place = Place.ForSymbol(parameter);
                if (parameter.RefKind is RefKind.Out or RefKind.Ref)
                {
                    var value = exit.Get(place);
                    if (!value.IsClean) outs = outs.Add(parameter.Ordinal, value);
                }
                else if (parameter.Ordinal < 63)
                {
                    var put = exit.Get(place.ContentsPlace).Join(exit.Get(place.KeysPlace));
                    if (put.IsTainted) contents = contents.Add(parameter.Ordinal, put);
                }
            }

            if (!method.IsStatic)
            {
                var put = exit.Get(Place.ForThis().ContentsPlace).Join(exit.Get(Place.ForThis().KeysPlace));
                if (put.IsTainted) contents = contents.Add(63, put);
            }
        }

        var calls = sinks.Calls();
        var ungated = ImmutableArray.CreateBuilder<SinkEffect>();
        foreach (var call in calls)
        {
            // Only the method's own sink calls: a content test around a call triggers the sinks of
            // that callee, not every sink its parameters reach further down (a name check in an IDE
            // feature is not a keyword trigger for a log line ten calls away).
            if (!call.Gated && call.Trigger is null && !call.IsCallSite)
            {
                ungated.Add(new SinkEffect(0, null, call.Api, call.Kind, call.Location, false, null, call.Destination));
            }
        }

        return new MethodSummary(analysis.ReturnValue, outs, contents, sinks.Effects(), ungated.ToImmutable(),
            exit?.Gated ?? false, calls, sinks.FieldWrites(), sinks.CallArguments(), sinks.Invocations(), analysis.ThrownValue)
        {
            StateRead = frame.StateRead,
            Deps = frame.Deps,
        };
    }

    // The auto-properties of a type, found in one pass over its members: asked of every property read,
    // and a type with many properties would otherwise be scanned once for each.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<INamedTypeSymbol, HashSet<IPropertySymbol>> AutoProperties = new();

    internal static bool IsAutoAccessor(IMethodSymbol accessor) =>
        accessor.AssociatedSymbol is IPropertySymbol { ContainingType: { } type } property
        && AutoProperties.GetValue(type, BackedProperties).Contains(property);

    private static HashSet<IPropertySymbol> BackedProperties(INamedTypeSymbol type)
    {
        var backed = new HashSet<IPropertySymbol>(SymbolEqualityComparer.Default);
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: true, AssociatedSymbol: IPropertySymbol property })
            {
                backed.Add(property);
            }
        }

        return backed;
    }
}
