using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Exceptions: the data an exception carries goes where it is caught. A throw in a try block, or a call
/// whose callee may throw data, hands that data to the try's catch handlers, which read it as the caught
/// exception; the normal successors never see it (code after a call that threw does not run). What no
/// handler of this method catches leaves with the exception: the summary's <see cref="ThrownValue"/>,
/// which the caller's handlers receive at the call. Catch clauses are not told apart by type: a handler
/// is taken to catch what its try throws.
/// </summary>
internal sealed partial class MethodFlowAnalysis
{
    /// <summary>The pseudo-place of the exception in flight: set only in the states handed to catch handlers, cleared where they start.</summary>
    private static readonly Place InFlight = Place.ForCapture(Place.ThrownException);

    /// <summary>The pseudo-place of the exception a handler caught: what <c>throw;</c> throws again.</summary>
    private static readonly Place Caught = Place.ForCapture(Place.CaughtException);

    private BasicBlock? _block;
    private TaintValue _thrownInBlock = TaintValue.Clean;
    private TaintValue? _thrownOut;

    /// <summary>The data of the exceptions that may leave the method: thrown, or let through from a callee, and caught by no handler here.</summary>
    public TaintValue ThrownValue => _thrownOut ?? TaintValue.Clean;

    private void EnterBlock(BasicBlock block)
    {
        _block = block;
        _thrownInBlock = TaintValue.Clean;
        if (StartsHandler(block))
        {
            // Whether or not the clause names the exception, it is caught here and no longer in flight.
            _state.ReplaceOwn(Caught, _state.Get(InFlight));
            _state.ReplaceOwn(InFlight, TaintValue.Clean);
        }
    }

    /// <summary>True for the first block of a catch clause (its filter's, when it has one).</summary>
    private static bool StartsHandler(BasicBlock block)
    {
        for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal; region = region.EnclosingRegion)
        {
            if (IsCatch(region))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A catch clause, with or without a filter (a finally is not one: it passes the exception on).</summary>
    private static bool IsCatch(ControlFlowRegion region) =>
        region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler;

    /// <summary>The block ends with a throw or a rethrow: its exception is in flight.</summary>
    private void LeaveBlock(BasicBlock block, TaintValue branchValue)
    {
        switch (block.FallThroughSuccessor?.Semantics)
        {
            case ControlFlowBranchSemantics.Throw:
                Throw(branchValue);
                break;
            case ControlFlowBranchSemantics.Rethrow:
                Throw(_state.Get(Caught));
                break;
        }
    }

    /// <summary>An exception carrying this data may be thrown here.</summary>
    private void Throw(TaintValue exception)
    {
        var data = exception.DataOnly();
        if (!data.IsTainted)
        {
            return;
        }

        _thrownInBlock = _thrownInBlock.Join(data);
        if (!IsCaughtHere(_block))
        {
            _thrownOut = (_thrownOut ?? TaintValue.Clean).Join(data);
        }
    }

    /// <summary>The exception the handler caught.</summary>
    private TaintValue CaughtException() => _state.Get(Caught);

    /// <summary>The state a handler receives after this block: with what the block threw in flight, for a catch.</summary>
    private FlowState HandlerState(ControlFlowRegion handler, FlowState after)
    {
        if (!_thrownInBlock.IsTainted || !IsCatch(handler))
        {
            return after;
        }

        var state = after.Clone();
        state.JoinInto(InFlight, _thrownInBlock);
        return state;
    }

    /// <summary>True when the block lies in a try block of this graph that has a catch handler.</summary>
    private bool IsCaughtHere(BasicBlock? block)
    {
        for (var region = block?.EnclosingRegion; region is not null && region != _cfg.Root; region = region.EnclosingRegion)
        {
            if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { } tryRegion)
            {
                continue;
            }

            foreach (var handler in tryRegion.NestedRegions)
            {
                if (IsCatch(handler))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
