using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A method's scan and its control-flow graph, built at most once per compilation however many modes
/// and callers analyse it, and only when first asked for. A graph holds its root operation and,
/// through it, everything the compiler bound for the member; once the engine is done with the body
/// (<see cref="Release"/>) it lets go of both, and a late question binds the body again.
/// </summary>
internal sealed class PreparedBody
{
    public static readonly PreparedBody None = new(null, null, null, MethodScan.Nothing);

    private readonly IMethodSymbol? _method;
    private readonly Compilation? _compilation;
    private readonly object _gate = new();
    private IOperation? _body;
    private ControlFlowGraph? _graph;
    private bool _built;

    private PreparedBody(IMethodSymbol? method, Compilation? compilation, IOperation? body, MethodScan scan)
    {
        _method = method;
        _compilation = compilation;
        Scan = scan;
        Tree = body?.Syntax.SyntaxTree;
        // The body is kept only to build the graph from: a body that cannot matter is let go at once.
        _body = scan.MayMatter ? body : null;
    }

    public MethodScan Scan { get; }

    /// <summary>The tree that holds the body (its options apply); null when there is no body.</summary>
    public SyntaxTree? Tree { get; }

    /// <summary>Null when there is nothing to analyse: no body, or a scan that found nothing that matters.</summary>
    public ControlFlowGraph? Graph
    {
        get
        {
            if (!Scan.MayMatter)
            {
                return null;
            }

            lock (_gate)
            {
                if (!_built)
                {
                    _body ??= Rebind();
                    _graph = _body is null ? null : MethodBodies.CreateGraph(_body, CancellationToken.None);
                    _built = true;
                }

                return _graph;
            }
        }
    }

    /// <summary>True while the graph, and through it what the compiler bound for the member, is held.</summary>
    public bool HoldsGraph
    {
        get
        {
            lock (_gate)
            {
                return _graph is not null;
            }
        }
    }

    public static PreparedBody Of(IMethodSymbol method, Compilation compilation, Models.ModelCatalog catalog, CancellationToken cancellationToken)
    {
        var body = MethodBodies.GetBody(method, compilation, cancellationToken);
        if (body is not null) WorkCounters.Body();
        return body is null ? None : new PreparedBody(method, compilation, body, MethodScan.Of(body, catalog));
    }

    /// <summary>
    /// Lets go of the graph and the operations it holds. An analysis still running on the graph keeps
    /// its own reference; a later one binds the body again.
    /// </summary>
    public void Release()
    {
        if (_method is null)
        {
            return;
        }

        lock (_gate)
        {
            _graph = null;
            _body = null;
            _built = false;
        }
    }

    private IOperation? Rebind()
    {
        var body = MethodBodies.GetBody(_method!, _compilation!, CancellationToken.None);
        if (body is not null) WorkCounters.Body();
        return body;
    }
}
