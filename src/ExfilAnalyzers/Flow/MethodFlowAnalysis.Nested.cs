using System.Collections.Generic;
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
    private readonly HashSet<IMethodSymbol> _activeLocalFunctions = new(SymbolEqualityComparer.Default);

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

        return child.ReturnValue;
    }
}
