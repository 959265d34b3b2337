using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A method's scan and its control-flow graph, built once per compilation however many modes and
/// callers analyse it, and only when first asked for. A graph holds its root operation and, through
/// it, everything the compiler bound for the member; once the engine is done with the body
/// (<see cref="Release"/>) it holds the graph only weakly, so that the collector may take it, and a
/// late question binds the body again only if it did.
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
    private WeakReference<ControlFlowGraph>? _released;

    private PreparedBody(IMethodSymbol? method, Compilation? compilation, IOperation? body, MethodScan scan, BodyKey? key = null)
    {
        _method = method;
        _compilation = compilation;
        Scan = scan;
        Key = key;
        Tree = body?.Syntax.SyntaxTree;
        // The body is kept only to build the graph from: a body that cannot matter is let go at once.
        _body = scan.NeedsAnalysis ? body : null;
    }

    public MethodScan Scan { get; }

    /// <summary>The tree that holds the body (its options apply); null when there is no body.</summary>
    public SyntaxTree? Tree { get; }

    /// <summary>The member whose code this is, as the next compilation names it (<see cref="AnswerDeps"/>); null when there is no body.</summary>
    public BodyKey? Key { get; }

    /// <summary>Null when there is nothing to analyse: no body, or a scan that found nothing the analysis needs (<see cref="MethodScan.NeedsAnalysis"/>).</summary>
    public ControlFlowGraph? Graph
    {
        get
        {
            if (!Scan.NeedsAnalysis)
            {
                return null;
            }

            lock (_gate)
            {
                if (!_built)
                {
                    if (_released is not null && _released.TryGetTarget(out var kept))
                    {
                        _graph = kept;
                    }
                    else
                    {
                        _body ??= Rebind();
                        _graph = _body is null ? null : MethodBodies.CreateGraph(_body, CancellationToken.None);
                    }

                    _released = null;
                    _built = true;
                }

                return _graph;
            }
        }
    }

    /// <summary>
    /// The body's operations, without building the graph: those it holds, or its graph's, or bound again
    /// (and held, until <see cref="Release"/>). Null when nothing in it may matter (it can send nothing).
    /// </summary>
    public IOperation? Operation
    {
        get
        {
            if (!Scan.MayMatter)
            {
                return null;
            }

            lock (_gate)
            {
                if (_body is null && _graph is null && _released is not null && _released.TryGetTarget(out var kept))
                {
                    return kept.OriginalOperation;
                }

                return _body ?? _graph?.OriginalOperation ?? (_body = Rebind());
            }
        }
    }

    /// <summary>True while the graph, and through it what the compiler bound for the member, is held strongly.</summary>
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
        var body = Bind(method, compilation, cancellationToken);
        return body is null ? None : new PreparedBody(method, compilation, body, MethodScan.Of(body, catalog), BodyKey.Of(body.Syntax, cancellationToken));
    }

    /// <summary>
    /// Holds the graph, and the operations it holds, only weakly from now on. An analysis still running
    /// on the graph keeps its own reference; a later one takes the graph back if the collector has not
    /// taken it, and binds the body again if it has.
    /// </summary>
    public void Release()
    {
        if (_method is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_graph is not null) _released = new WeakReference<ControlFlowGraph>(_graph);
            _graph = null;
            _body = null;
            _built = false;
        }
    }

    /// <summary>
    /// The operations again, once let go. The semantic model keeps what it bound, so this is a look-up
    /// unless the driver dropped the model; it is not counted as another body bound.
    /// </summary>
    private IOperation? Rebind() => MethodBodies.GetBody(_method!, _compilation!, CancellationToken.None);

    /// <summary>The body's operations, counted as a body bound (the benchmark's work counts).</summary>
    private static IOperation? Bind(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var body = MethodBodies.GetBody(method, compilation, cancellationToken);
        if (body is not null) WorkCounters.Body();
        return body;
    }
}
