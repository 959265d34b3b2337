using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// What a delegate value may call: a lambda (with the graph that holds it, so it can be analysed where
/// it is invoked) or a method group.
/// </summary>
internal sealed record FunctionRef(IFlowAnonymousFunctionOperation? Lambda, ControlFlowGraph? Graph, IMethodSymbol? Method)
{
    public static FunctionRef For(IFlowAnonymousFunctionOperation lambda, ControlFlowGraph graph) => new(lambda, graph, null);

    public static FunctionRef For(IMethodSymbol method) => new(null, null, method.OriginalDefinition);

    public bool Same(FunctionRef other) =>
        ReferenceEquals(Lambda, other.Lambda) && SymbolEqualityComparer.Default.Equals(Method, other.Method);
}
