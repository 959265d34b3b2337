using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// What a delegate value may call: a lambda (with the graph that holds it, so it can be analysed where
/// it is invoked) or a method group. Two references are equal when they run the same code: a lambda is
/// its syntax, since each graph built over it (an initializer's, once per level; a body's, bound again
/// after the collector took it) makes an operation of its own.
/// </summary>
internal sealed record FunctionRef(IFlowAnonymousFunctionOperation? Lambda, ControlFlowGraph? Graph, IMethodSymbol? Method)
{
    public static FunctionRef For(IFlowAnonymousFunctionOperation lambda, ControlFlowGraph graph) => new(lambda, graph, null);

    public static FunctionRef For(IMethodSymbol method) => new(null, null, method.OriginalDefinition);

    public bool Equals(FunctionRef? other) =>
        other is not null && ReferenceEquals(Lambda?.Syntax, other.Lambda?.Syntax) && SymbolEqualityComparer.Default.Equals(Method, other.Method);

    public override int GetHashCode() => Lambda is { } lambda ? lambda.Syntax.GetHashCode() : SymbolEqualityComparer.Default.GetHashCode(Method);
}
