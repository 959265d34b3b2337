using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// One pass of the flow engine over one control-flow graph: a worklist over basic blocks, in block
/// order, each block visited a bounded number of times. Transfer functions live in the partial files
/// beside this one (operations, calls, conditions, nested functions).
/// </summary>
internal sealed partial class MethodFlowAnalysis
{
    /// <summary>Visits of one block before the fixpoint stops refining it.</summary>
    private const int MaxVisitsPerBlock = 12;

    private readonly FlowContext _context;
    private readonly ControlFlowGraph _cfg;
    private readonly IMethodSymbol? _method;
    private readonly Models.ExfilOptions _options;
    private readonly MethodFindings _findings;
    private readonly AnalysisBudget _budget;
    private readonly MethodFlowAnalysis? _parent;
    private readonly CallChain _calls;
    private readonly CancellationToken _cancellationToken;
    private FlowState _state = new();
    private TaintValue? _returnValue;
    private PostDominators? _postDominators;

    public MethodFlowAnalysis(FlowContext context, ControlFlowGraph cfg, IMethodSymbol? method, Models.ExfilOptions options,
        MethodFindings findings, AnalysisBudget budget, MethodFlowAnalysis? parent, CallChain calls, CancellationToken cancellationToken)
    {
        _context = context;
        _cfg = cfg;
        _method = method;
        _options = options;
        _findings = findings;
        _budget = budget;
        _parent = parent;
        _calls = calls;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The join of every value returned.</summary>
    public TaintValue ReturnValue => _returnValue ?? TaintValue.Clean;

    /// <summary>The state at the exit block, or null when the exit is unreachable.</summary>
    public FlowState? ExitState { get; private set; }

    /// <summary>
    /// A bool that can be true only where a gate holds is itself a gate: 'return Consent.IsGranted &amp;&amp; !ci;'
    /// and 'var sent = false; if (consent) sent = true;' both give one. False is true nowhere, so it qualifies.
    /// </summary>
    private static TaintValue ConsentWitness(IOperation? operation, TaintValue value, FlowState state)
    {
        if (operation?.Type?.SpecialType != SpecialType.System_Boolean || value.Condition?.Kind == ConditionKind.ContentTest)
        {
            return value;
        }

        if (state.Gated || operation.ConstantValue.Value is false)
        {
            return value.Condition is { Kind: ConditionKind.Gate, ConsentWhenTrue: true }
                ? value
                : value.WithCondition(ConditionFact.Gate(consentWhenTrue: true, operation.Syntax.GetLocation()));
        }

        return value;
    }

    /// <summary>The root method's analysis: the one whose parameters the summary speaks of.</summary>
    private MethodFlowAnalysis Root => _parent?.Root ?? this;

    public void Run(FlowState entry)
    {
        var blocks = _cfg.Blocks;
        var input = new FlowState?[blocks.Length];
        var visits = new int[blocks.Length];
        var finallyExits = new Dictionary<ControlFlowRegion, FlowState>();
        var afterFinally = new Dictionary<ControlFlowRegion, HashSet<int>>();
        var worklist = new BlockWorklist(blocks.Length);
        worklist.Add(0);
        input[0] = entry;

        while (worklist.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var ordinal = worklist.RemoveMin();
            if (++visits[ordinal] > MaxVisitsPerBlock || _budget.Exhausted)
            {
                continue;
            }

            var block = blocks[ordinal];
            var blockInput = input[ordinal]!;
            _state = blockInput.Clone();
            EnterBlock(block);
            foreach (var operation in block.Operations)
            {
                Evaluate(operation);
            }

            var branchValue = block.BranchValue is null ? TaintValue.Clean : Evaluate(block.BranchValue);
            LeaveBlock(block, branchValue);
            var output = _state;

            PropagateToHandlers(block, blockInput, output, input, worklist);

            if (block.Kind == BasicBlockKind.Exit)
            {
                ExitState = output;
                continue;
            }

            if (block.ConditionalSuccessor is { Destination: not null } conditional && block.ConditionKind != ControlFlowConditionKind.None)
            {
                var taken = StateOnEdge(output, branchValue, conditionHolds: block.ConditionKind == ControlFlowConditionKind.WhenTrue, ordinal);
                var notTaken = StateOnEdge(output, branchValue, conditionHolds: block.ConditionKind != ControlFlowConditionKind.WhenTrue, ordinal);
                Follow(conditional, taken, input, worklist, finallyExits, afterFinally);
                if (block.FallThroughSuccessor is { } fallThrough)
                {
                    Follow(fallThrough, notTaken, input, worklist, finallyExits, afterFinally);
                }

                continue;
            }

            if (block.FallThroughSuccessor is not { } successor)
            {
                continue;
            }

            switch (successor.Semantics)
            {
                case ControlFlowBranchSemantics.Return:
                    var returned = ConsentWitness(block.BranchValue, branchValue, output);
                    _returnValue = _returnValue is null ? returned : _returnValue.Join(returned);
                    Follow(successor, output, input, worklist, finallyExits, afterFinally);
                    break;
                case ControlFlowBranchSemantics.StructuredExceptionHandling:
                    LeaveFinally(block, output, input, worklist, finallyExits, afterFinally);
                    break;
                case ControlFlowBranchSemantics.Throw:
                case ControlFlowBranchSemantics.Rethrow:
                case ControlFlowBranchSemantics.Error:
                case ControlFlowBranchSemantics.ProgramTermination:
                    break;
                default:
                    Follow(successor, output, input, worklist, finallyExits, afterFinally);
                    break;
            }
        }
    }

    /// <summary>What is known on one edge of a branch: a gate that holds, a content test that holds.</summary>
    private FlowState StateOnEdge(FlowState state, TaintValue condition, bool conditionHolds, int ordinal)
    {
        if (condition.Condition is not { } fact)
        {
            return state;
        }

        if (fact.Kind == ConditionKind.ContentTest)
        {
            // Either outcome of a content test decides whether what follows runs, until both ways meet
            // again at the test's post-dominator (see Propagate).
            if (state.Trigger is not null) return state;
            var triggered = state.Clone();
            triggered.Trigger = fact;
            triggered.TriggerOrigin = (_cfg, ordinal);
            return triggered;
        }

        if (fact.Kind == ConditionKind.Gate && fact.ConsentWhenTrue == conditionHolds && !state.Gated)
        {
            var gated = state.Clone();
            gated.Gated = true;
            return gated;
        }

        return state;
    }

    private void Follow(ControlFlowBranch branch, FlowState state, FlowState?[] input, BlockWorklist worklist,
        Dictionary<ControlFlowRegion, FlowState> finallyExits, Dictionary<ControlFlowRegion, HashSet<int>> afterFinally)
    {
        if (branch.Destination is not { } destination)
        {
            return;
        }

        var finallies = branch.FinallyRegions;
        if (finallies.IsEmpty)
        {
            Propagate(destination.Ordinal, state, input, worklist);
            return;
        }

        // Leaving try blocks runs their finally blocks first: enter the first, and let each one's exit
        // continue to the next, and the last one's exit to the branch's destination.
        Propagate(finallies[0].FirstBlockOrdinal, state, input, worklist);
        for (var i = 0; i < finallies.Length; i++)
        {
            var next = i + 1 < finallies.Length ? finallies[i + 1].FirstBlockOrdinal : destination.Ordinal;
            if (!afterFinally.TryGetValue(finallies[i], out var targets))
            {
                afterFinally[finallies[i]] = targets = new HashSet<int>();
            }

            if (targets.Add(next) && finallyExits.TryGetValue(finallies[i], out var exit))
            {
                Propagate(next, exit, input, worklist);
            }
        }
    }

    private void LeaveFinally(BasicBlock block, FlowState state, FlowState?[] input, BlockWorklist worklist,
        Dictionary<ControlFlowRegion, FlowState> finallyExits, Dictionary<ControlFlowRegion, HashSet<int>> afterFinally)
    {
        var region = block.EnclosingRegion;
        while (region is not null && region != _cfg.Root && region.Kind != ControlFlowRegionKind.Finally)
        {
            region = region.EnclosingRegion;
        }

        if (region is null || region.Kind != ControlFlowRegionKind.Finally)
        {
            return;
        }

        finallyExits[region] = finallyExits.TryGetValue(region, out var previous) ? JoinInto(previous.Clone(), state) : state;
        if (afterFinally.TryGetValue(region, out var targets))
        {
            foreach (var target in targets)
            {
                Propagate(target, state, input, worklist);
            }
        }
    }

    private static FlowState JoinInto(FlowState target, FlowState other)
    {
        target.JoinWith(other);
        return target;
    }

    /// <summary>
    /// An exception can leave a try block anywhere: its handlers see the state before and after each block,
    /// and a catch also what the block threw (MethodFlowAnalysis.Exceptions.cs).
    /// </summary>
    private void PropagateToHandlers(BasicBlock block, FlowState before, FlowState after, FlowState?[] input, BlockWorklist worklist)
    {
        // A lambda's graph is nested in its method's: its regions lead out into the method's, whose
        // handlers are not blocks of this graph. Stop at this graph's root.
        for (var region = block.EnclosingRegion; region is not null && region != _cfg.Root; region = region.EnclosingRegion)
        {
            if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { } tryRegion)
            {
                continue;
            }

            foreach (var handler in tryRegion.NestedRegions)
            {
                if (handler == region)
                {
                    continue;
                }

                Propagate(handler.FirstBlockOrdinal, before, input, worklist);
                Propagate(handler.FirstBlockOrdinal, HandlerState(handler, after), input, worklist);
            }
        }
    }

    private void Propagate(int target, FlowState state, FlowState?[] input, BlockWorklist worklist)
    {
        if (state.Trigger is not null && ReferenceEquals(state.TriggerOrigin.Graph, _cfg)
            && (_postDominators ??= PostDominators.Compute(_cfg)).ImmediateOf(state.TriggerOrigin.Block) == target)
        {
            state = state.Clone();
            state.Trigger = null;
            state.TriggerOrigin = default;
        }

        if (input[target] is not { } existing)
        {
            input[target] = state.Clone();
            worklist.Add(target);
        }
        else if (existing.JoinWith(state))
        {
            worklist.Add(target);
        }
    }
}

/// <summary>The cost bound of one analysis, shared by a method and its nested functions.</summary>
internal sealed class AnalysisBudget
{
    private int _remaining;

    public AnalysisBudget(int operations) => _remaining = operations;

    public bool Exhausted => _remaining <= 0;

    public void Spend() => _remaining--;
}
