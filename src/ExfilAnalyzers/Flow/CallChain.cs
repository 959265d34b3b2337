using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The methods whose summaries are being computed, innermost last. A call back into one of them (a
/// cycle), or past <see cref="MaxDepth"/>, is answered by the default rule, and every summary computed
/// under such a cut is kept out of the cache: a cached summary never depends on who asked for it.
/// </summary>
internal sealed class CallChain
{
    public const int MaxDepth = 32;

    private CallChain(CallChain? parent, IMethodSymbol method, int depth, SummaryBudget budget)
    {
        Parent = parent;
        Method = method;
        Depth = depth;
        Budget = budget;
    }

    public CallChain? Parent { get; }

    public IMethodSymbol Method { get; }

    public int Depth { get; }

    /// <summary>How many summaries one root may compute: bounds the cost of large recursive cycles.</summary>
    public SummaryBudget Budget { get; }

    /// <summary>True when a cut was made somewhere below this frame.</summary>
    public bool Incomplete { get; private set; }

    public static CallChain Start(IMethodSymbol method) => new(null, method, 0, new SummaryBudget());

    public CallChain Enter(IMethodSymbol method) => new(this, method, Depth + 1, Budget);

    public bool Contains(IMethodSymbol method)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (SymbolEqualityComparer.Default.Equals(frame.Method, method)) return true;
        }

        return false;
    }

    /// <summary>A cut below this frame: it and every frame above it are incomplete.</summary>
    public void MarkIncomplete()
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            frame.Incomplete = true;
        }
    }
}

internal sealed class SummaryBudget
{
    public int Remaining { get; set; } = 400;
}
