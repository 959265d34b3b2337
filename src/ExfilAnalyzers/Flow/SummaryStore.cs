using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Method summaries, computed on demand from the callee's body alone and memoised per compilation.
/// A summary computed without a cut (see <see cref="CallChain"/>) is cached and serves every caller;
/// a method's analysis therefore costs the same whether it has one caller or a thousand.
/// </summary>
internal sealed class SummaryStore
{
    private readonly FlowContext _context;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _complete = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, MethodScan> _scans = new(SymbolEqualityComparer.Default);

    public SummaryStore(FlowContext context)
    {
        _context = context;
    }

    /// <summary>The summary a call site uses, or null when the default rule applies (no body, cut, nothing to find).</summary>
    public MethodSummary? ForCall(IMethodSymbol method, ITypeSymbol? receiverType, CallChain chain, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (!MethodBodies.HasSourceBody(method))
        {
            return null;
        }

        if (_complete.TryGetValue(method, out var cached))
        {
            return cached;
        }

        if (chain.Contains(method) || chain.Depth >= CallChain.MaxDepth || chain.Budget.Remaining <= 0)
        {
            chain.MarkIncomplete();
            return null;
        }

        chain.Budget.Remaining--;
        return Compute(method, chain.Enter(method), cancellationToken);
    }

    /// <summary>The summary of a property accessor with a body, for reads and writes of the property.</summary>
    public MethodSummary? ForAccessor(IMethodSymbol? accessor, CallChain chain, CancellationToken cancellationToken) =>
        accessor is null || accessor.IsImplicitlyDeclared || IsAutoAccessor(accessor) ? null : ForCall(accessor, null, chain, cancellationToken);

    /// <summary>The summary of a method analysed for its own diagnostics.</summary>
    public MethodSummary ForRoot(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (_complete.TryGetValue(method, out var cached))
        {
            return cached;
        }

        return Compute(method, CallChain.Start(method), cancellationToken) ?? MethodSummary.Empty;
    }

    /// <summary>What a field holds as seen from any method: filled in by the field index.</summary>
    public TaintValue FieldValue(IFieldSymbol field, CancellationToken cancellationToken) => TaintValue.Clean;

    private MethodSummary? Compute(IMethodSymbol method, CallChain chain, CancellationToken cancellationToken)
    {
        var body = MethodBodies.GetBody(method, _context.Compilation, cancellationToken);
        if (body is null)
        {
            return null;
        }

        var scan = _scans.GetOrAdd(method, _ => MethodScan.Of(body, _context.Catalog));
        if (!scan.MayMatter)
        {
            // Nothing modelled and nothing of this compilation: the default rule says all there is.
            return null;
        }

        var graph = MethodBodies.CreateGraph(body, cancellationToken);
        if (graph is null)
        {
            return null;
        }

        var options = _context.OptionsFor(body.Syntax.SyntaxTree);
        var sinks = new SinkCollector();
        var analysis = new MethodFlowAnalysis(_context, graph, method, options, sinks, new AnalysisBudget(_context.OperationBudget), null, chain, cancellationToken);
        analysis.Run(EntryState(method));
        var summary = Summarize(method, analysis, sinks);
        if (!chain.Incomplete)
        {
            _complete.TryAdd(method, summary);
        }

        return summary;
    }

    /// <summary>Each parameter holds its own symbolic bit, <c>this</c> bit 63: one pass yields every parameter's flows.</summary>
    private static FlowState EntryState(IMethodSymbol method)
    {
        var entry = new FlowState();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Ordinal < 63 && parameter.RefKind != RefKind.Out)
            {
                entry.Set(Place.ForSymbol(parameter), TaintValue.FromParameter(parameter.Ordinal, Declaration(parameter)));
            }
        }

        if (!method.IsStatic)
        {
            entry.Set(Place.ForThis(), TaintValue.FromParameter(63, Declaration(method)));
        }

        return entry;
    }

    private static Location Declaration(ISymbol symbol) => symbol.Locations.IsEmpty ? Location.None : symbol.Locations[0];

    private static MethodSummary Summarize(IMethodSymbol method, MethodFlowAnalysis analysis, SinkCollector sinks)
    {
        var exit = analysis.ExitState;
        var outs = ImmutableDictionary<int, TaintValue>.Empty;
        var contents = ImmutableDictionary<int, TaintValue>.Empty;
        if (exit is not null)
        {
            foreach (var parameter in method.Parameters)
            {
                var place = Place.ForSymbol(parameter);
                if (parameter.RefKind is RefKind.Out or RefKind.Ref)
                {
                    var value = exit.Get(place);
                    if (!value.IsClean) outs = outs.Add(parameter.Ordinal, value);
                }
                else if (parameter.Ordinal < 63)
                {
                    var put = exit.Get(place.ContentsPlace);
                    if (put.IsTainted) contents = contents.Add(parameter.Ordinal, put);
                }
            }

            if (!method.IsStatic)
            {
                var put = exit.Get(Place.ForThis().ContentsPlace);
                if (put.IsTainted) contents = contents.Add(63, put);
            }
        }

        var calls = sinks.Calls();
        var ungated = ImmutableArray.CreateBuilder<SinkEffect>();
        foreach (var call in calls)
        {
            if (!call.Gated && call.Trigger is null)
            {
                ungated.Add(new SinkEffect(0, null, call.Api, call.Kind, call.Location, false, null, call.Destination));
            }
        }

        return new MethodSummary(analysis.ReturnValue, outs, contents, sinks.Effects(), ungated.ToImmutable(),
            exit?.Gated ?? false, calls);
    }

    private static bool IsAutoAccessor(IMethodSymbol accessor)
    {
        if (accessor.AssociatedSymbol is not IPropertySymbol property)
        {
            return false;
        }

        foreach (var member in property.ContainingType.GetMembers())
        {
            if (member is IFieldSymbol { IsImplicitlyDeclared: true } field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            {
                return true;
            }
        }

        return false;
    }
}
