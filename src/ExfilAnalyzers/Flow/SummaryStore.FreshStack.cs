using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

internal sealed partial class SummaryStore
{
    /// <summary>How many fresh stacks one computation may take: chains this many times <see cref="CallChain.MaxDepth"/> deep are followed uncut.</summary>
    internal const int MaxHandoffs = 8;

    /// <summary>True on a thread started for a fresh stack: its own handoffs are inside the time its caller waits.</summary>
    [ThreadStatic]
    private static bool t_onFreshStack;

    /// <summary>
    /// A call at the depth bound, summarised on a fresh thread's stack while this one waits: the callee as
    /// the root of a computation of its own (its cuts resumed as after any root), whose cached summary then
    /// answers the call. The depth bound is there for the stack, not for the work: cutting instead made
    /// every frame above the bound finish under the cut, only to be analysed again once the cut was
    /// summarised. Null when the summary could not be completed there.
    /// </summary>
    private MethodSummary? OnFreshStack(IMethodSymbol method, int mode, int handoffs, CancellationToken cancellationToken)
    {
        MethodSummary? summary = null;
        ExceptionDispatchInfo? failure = null;
        var outermost = !t_onFreshStack;
        var waiting = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            t_onFreshStack = true;
            try
            {
                SolveAsRoot(method, mode, handoffs, 0, cancellationToken);
                summary = _complete.TryGetValue((method, mode), out var solved) ? solved : null;
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        });
        thread.IsBackground = true;
        thread.Start();
        thread.Join();
        WorkCounters.FreshStack(outermost ? waiting.Elapsed : TimeSpan.Zero);

        // Cancellation, or a failure of the analysis itself, surfaces here as it would have on this stack.
        failure?.Throw();
        return summary;
    }
}
