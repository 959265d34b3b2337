using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A method's body, its scan, and its control-flow graph, built at most once per compilation however
/// many modes and callers analyse it. The graph is built only when first asked for.
/// </summary>
internal sealed class PreparedBody
{
    public static readonly PreparedBody None = new(null, MethodScan.Nothing);

    private readonly Lazy<ControlFlowGraph?> _graph;

    private PreparedBody(IOperation? body, MethodScan scan)
    {
        Body = body;
        Scan = scan;
        _graph = new Lazy<ControlFlowGraph?>(() => body is null ? null : MethodBodies.CreateGraph(body, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IOperation? Body { get; }

    public MethodScan Scan { get; }

    /// <summary>Null when there is nothing to analyse: no body, or a scan that found nothing that matters.</summary>
    public ControlFlowGraph? Graph => Scan.MayMatter ? _graph.Value : null;

    public static PreparedBody Of(IMethodSymbol method, Compilation compilation, Models.ModelCatalog catalog, CancellationToken cancellationToken)
    {
        var body = MethodBodies.GetBody(method, compilation, cancellationToken);
        if (body is not null) WorkCounters.Body();
        return body is null ? None : new PreparedBody(body, MethodScan.Of(body, catalog));
    }
}
