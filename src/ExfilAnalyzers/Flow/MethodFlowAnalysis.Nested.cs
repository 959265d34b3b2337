using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Lambdas and local functions are analysed where they are created or called, in the state of that
/// point, so they see what their captured variables hold; what they write to those variables flows back.
/// </summary>
internal sealed partial class MethodFlowAnalysis
{
    private const int MaxDelegateDepth = 3;

    private readonly HashSet<IMethodSymbol> _activeLocalFunctions = new(SymbolEqualityComparer.Default);
    private int _delegateDepth;

    /// <summary>Analyses a lambda at its creation; its value is what it returns.</summary>
    private TaintValue AnalyzeLambda(IFlowAnonymousFunctionOperation lambda, TaintValue parameterValue)
    {
        if (_budget.Exhausted)
        {
            return TaintValue.Clean;
        }

        var graph = _cfg.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken);
        var entry = _state.Clone();
        foreach (var parameter in lambda.Symbol.Parameters)
        {
            entry.Set(Place.ForSymbol(parameter), parameterValue);
        }

        return RunNested(graph, entry);
    }

    private TaintValue CallLocalFunction(IInvocationOperation invocation)
    {
        var arguments = EvaluateArguments(invocation.Arguments, null);
        var function = invocation.TargetMethod.OriginalDefinition;
        var active = Root._activeLocalFunctions;
        if (_budget.Exhausted || active.Contains(function))
        {
            return DefaultCall(invocation.TargetMethod, invocation, null, TaintValue.Clean, arguments, invocation.Type);
        }

        var graph = _cfg.GetLocalFunctionControlFlowGraphInScope(function, _cancellationToken);
        var entry = _state.Clone();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Parameter is { } parameter && !arguments[i].IsOut)
            {
                entry.Set(Place.ForSymbol(parameter), arguments[i].Value.Carried());
            }
        }

        active.Add(function);
        try
        {
            var child = new MethodFlowAnalysis(_context, graph, _method, _options, _findings, _budget, this, _calls, _cancellationToken);
            child.Run(entry);
            if (child.ExitState is { } exit)
            {
                _state.JoinValuesFrom(exit);
                foreach (var argument in arguments)
                {
                    if (argument.RefKind is RefKind.Out or RefKind.Ref && argument.Parameter is { } parameter && argument.Argument is { } operation)
                    {
                        StorePlace(PlaceOf(Unwrap(operation.Value)), exit.Get(Place.ForSymbol(parameter)), null, null);
                    }
                }
            }

            Throw(child.ThrownValue);
            return child.ReturnValue;
        }
        finally
        {
            active.Remove(function);
        }
    }

    private TaintValue RunNested(ControlFlowGraph graph, FlowState entry)
    {
        var child = new MethodFlowAnalysis(_context, graph, _method, _options, _findings, _budget, this, _calls, _cancellationToken);
        child.Run(entry);
        if (child.ExitState is { } exit)
        {
            _state.JoinValuesFrom(exit);
        }

        // What the function lets out is thrown here: a local function or a delegate runs at the call, and
        // a lambda analysed where it is made mostly runs inside the same try (List.ForEach, an awaited Task.Run).
        Throw(child.ThrownValue);

        return child.ReturnValue;
    }

    /// <summary>
    /// A delegate invoked (a stored lambda, a callback, an event raised): each function it may hold runs
    /// with the invocation's arguments. A lambda of this method sees this point's state; one created
    /// elsewhere (stored in a field) starts from an empty one.
    /// </summary>
    private TaintValue InvokeDelegate(IInvocationOperation invocation, IOperation? receiver, TaintValue receiverValue, ArgumentValue[] arguments)
    {
        var result = DefaultCall(invocation.TargetMethod, invocation, receiver, receiverValue, arguments, invocation.Type);
        if ((receiverValue.Parameters & ~(1UL << 63)) != 0)
        {
            // A delegate this method was given: its callers' functions run with these arguments.
            var values = new TaintValue[arguments.Length];
            for (var i = 0; i < values.Length; i++) values[i] = arguments[i].Value?.Carried() ?? TaintValue.Clean;
            _findings.NoteInvocation(new DelegateInvocation(receiverValue.Parameters & ~(1UL << 63), values.ToImmutableArray(), invocation.Syntax.GetLocation()));
        }

        var root = Root;
        if (receiverValue.Functions.IsEmpty || root._delegateDepth >= MaxDelegateDepth || _budget.Exhausted)
        {
            return result;
        }

        root._delegateDepth++;
        try
        {
            foreach (var function in receiverValue.Functions)
            {
                if (function.Lambda is { } lambda && function.Graph is { } graph && IsOwnGraph(graph))
                {
                    // A lambda of this method: run it here, so its sinks are this method's, with these arguments.
                    var entry = _state.Clone();
                    foreach (var parameter in lambda.Symbol.Parameters)
                    {
                        var argument = parameter.Ordinal < arguments.Length ? arguments[parameter.Ordinal].Value : null;
                        entry.Set(Place.ForSymbol(parameter), argument?.Carried() ?? TaintValue.Clean);
                    }

                    result = result.Join(RunNested(graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken), entry));
                }
                else if (function.Lambda is not null && _context.Summaries.ForLambda(function, _calls, _cancellationToken) is { } summary)
                {
                    // A lambda made elsewhere: its summary, reported here, where the data goes in.
                    result = result.Join(ApplySummary(summary, invocation, null, TaintValue.Clean, arguments));
                }
                else if (function.Method is { } method)
                {
                    result = result.Join(ApplyCall(method, invocation, null, null, TaintValue.Clean, arguments, invocation.Type));
                }
            }
        }
        finally
        {
            root._delegateDepth--;
        }

        return result;
    }

    private bool IsOwnGraph(ControlFlowGraph graph)
    {
        for (var analysis = this; analysis is not null; analysis = analysis._parent)
        {
            if (ReferenceEquals(analysis._cfg, graph)) return true;
        }

        return false;
    }
}
