using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The methods whose summaries, and the fields whose values, are being computed, innermost last,
/// with the state the whole computation shares (its budget, and the call cycles being solved; see
/// <see cref="SummaryStore"/>). A call past <see cref="MaxDepth"/> or the budget is answered by the
/// default rule, and every summary computed under such a cut is kept out of the cache: a cached
/// summary never depends on who asked for it. Methods cut by depth are summarised afterwards as
/// roots of their own (<see cref="SummaryStore"/>'s deepening), so long chains are still followed
/// without a deep stack.
/// </summary>
internal sealed class CallChain
{
    public const int MaxDepth = 32;

    /// <summary>How summaries in this chain see fields: <see cref="Normal"/> reads field values at
    /// level 1; an extraction at level 1 reads them at level 0; level 0 reads them as clean.</summary>
    public const int Normal = 2;

    /// <summary>
    /// A method analysed for its own diagnostics: its parameters carry nothing (callers report what
    /// they pass), so only real sensitive data is followed, and only into callees it reaches. The
    /// callees' summaries are normal ones.
    /// </summary>
    public const int Report = 3;

    private CallChain(CallChain? parent, ISymbol member, int depth, ChainState budget, int mode)
    {
        Mode = mode;
        Parent = parent;
        Member = member;
        Depth = depth;
        Budget = budget;
    }

    public CallChain? Parent { get; }

    /// <summary>A method whose summary, or a field or property whose value, this frame computes.</summary>
    public ISymbol Member { get; }

    public int Depth { get; }

    /// <summary>What the whole computation shares: its budget and the cycles being solved.</summary>
    public ChainState Budget { get; }

    /// <summary>True when a cut was made somewhere below this frame.</summary>
    public bool Incomplete { get; private set; }

    public int Mode { get; }

    /// <summary>What this frame's answer was computed from: the code, the searches and the answers it used.</summary>
    public AnswerDeps Deps { get; } = new();

    /// <summary>
    /// The state whose value depends on the level it is read at that something below this frame read
    /// (see <see cref="SummaryStore.FieldValue(ISymbol, CallChain, System.Threading.CancellationToken)"/>).
    /// A summary computed without such a read is the same at every level, so it is computed once for all;
    /// one with such reads serves every level where they hold the same values.
    /// </summary>
    public StateReads StateRead => StateReads.Of(_stateRead, _levelBound);

    private HashSet<ISymbol>? _stateRead;
    private bool _levelBound;

    /// <summary>The larger sets of state read by summaries used here, merged already (compared by reference).</summary>
    private HashSet<StateReads>? _merged;

    /// <summary>A computation of its own; <paramref name="handoffs"/>: how many fresh stacks the computation it continues took already.</summary>
    public static CallChain Start(ISymbol member, int mode = Normal, int handoffs = 0) => new(null, member, 0, new ChainState { Handoffs = handoffs }, mode);

    public CallChain Enter(ISymbol member) => new(this, member, Depth + 1, Budget, CalleeMode);

    /// <summary>
    /// A frame beside this one for another member: the same caller, depth, budget and mode. A cycle's
    /// rounds run in such frames, also when the cycle is solved at the top of a computation.
    /// </summary>
    public CallChain Beside(ISymbol member) => new(Parent, member, Depth, Budget, Mode);

    /// <summary>The mode a callee is analysed in: a reported method's callees are summarised normally.</summary>
    public int CalleeMode => Mode == Report ? Normal : Mode;

    public bool Contains(ISymbol member)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (SymbolEqualityComparer.Default.Equals(frame.Member, member)) return true;
        }

        return false;
    }

    /// <summary>A read of level-dependent state below this frame: it and every frame above it depend on its value.</summary>
    public void MarkReadsState(ISymbol field)
    {
        // A frame that holds the field has passed it to every frame above it already.
        for (var frame = this; frame is not null && !frame._levelBound; frame = frame.Parent)
        {
            frame._stateRead ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            if (!frame._stateRead.Add(field)) return;
            if (frame._stateRead.Count > StateReads.MaxFields)
            {
                frame._levelBound = true;
                frame._stateRead = null;
            }
        }
    }

    /// <summary>More state read than is remembered: this frame and every frame above it hold at their level only.</summary>
    private void MarkLevelBound()
    {
        for (var frame = this; frame is not null && !frame._levelBound; frame = frame.Parent)
        {
            frame._levelBound = true;
            frame._stateRead = null;
        }
    }

    /// <summary>What a summary used here read: this frame and every frame above it depend on it too.</summary>
    public void MarkReadsState(StateReads reads)
    {
        if (reads.IsLevelBound)
        {
            MarkLevelBound();
            return;
        }

        // A summary used again in this frame (a helper called at every step) read nothing new: what it
        // read was passed to this frame and every frame above it the first time.
        if (reads.Fields.IsEmpty || reads.Fields.Length >= MergedOnce && !(_merged ??= new()).Add(reads))
        {
            return;
        }

        foreach (var field in reads.Fields)
        {
            MarkReadsState(field);
        }
    }

    /// <summary>Sets of state read smaller than this are walked again at each use: cheaper than remembering them.</summary>
    private const int MergedOnce = 4;

    /// <summary>A cut below this frame: it and every frame above it are incomplete.</summary>
    public void MarkIncomplete()
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            frame.Incomplete = true;
        }
    }
}

/// <summary>
/// What one root computation shares: a budget of summaries, and Tarjan's bookkeeping for the call
/// cycles met on the way (each method's index and low link, the methods still on the stack, and the
/// provisional summaries of cycle members while their cycle is iterated to its fixpoint), and what was
/// cut at the depth bound.
/// </summary>
internal sealed class ChainState
{
    public int Remaining { get; set; } = 4000;

    /// <summary>How many times the computation this one continues moved to a fresh stack at the depth bound.</summary>
    public int Handoffs { get; init; }

    public int NextIndex { get; set; }

    public Dictionary<IMethodSymbol, int> Index { get; } = new(SymbolEqualityComparer.Default);

    public Dictionary<IMethodSymbol, int> LowLink { get; } = new(SymbolEqualityComparer.Default);

    public Stack<IMethodSymbol> Stack { get; } = new();

    public HashSet<IMethodSymbol> OnStack { get; } = new(SymbolEqualityComparer.Default);

    public HashSet<IMethodSymbol> CallsItself { get; } = new(SymbolEqualityComparer.Default);

    public Dictionary<IMethodSymbol, MethodSummary> Provisional { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>For a method of a cycle being solved: the members whose computation read its provisional summary.</summary>
    public Dictionary<IMethodSymbol, HashSet<ISymbol>> ReadersOfProvisional { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The methods left unsummarised because the chain reached <see cref="CallChain.MaxDepth"/>, with their mode.</summary>
    public List<(IMethodSymbol Method, int Mode)> CutByDepth { get; } = new();

    /// <summary>
    /// Summaries computed under a cut in this computation, by mode. They are not cached (a cached summary
    /// never depends on who asked), but whoever meets the method again in this computation takes the same
    /// one: the computation is made again once its cuts are summarised, so analysing the method anew
    /// would only be thrown away with it (a cycle near the depth bound was solved once per caller).
    /// </summary>
    public Dictionary<(ISymbol Member, int Mode), MethodSummary> Cut { get; } = new(MemberModeComparer.Instance);
}
