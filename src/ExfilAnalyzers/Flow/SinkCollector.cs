using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Gathers what one method's analysis finds, its lambdas and local functions included: the sink calls
/// (one per call site, merged across visits) and the sink effects its parameters have.
/// </summary>
internal sealed class SinkCollector
{
    private readonly Dictionary<SyntaxNode, SinkCall> _calls = new();
    private readonly List<SyntaxNode> _order = new();
    private readonly Dictionary<(Location, string), SinkEffect> _effects = new();
    private readonly List<(Location, string)> _effectOrder = new();

    public void Add(SinkCall call)
    {
        if (_calls.TryGetValue(call.Node, out var existing))
        {
            _calls[call.Node] = existing.Merge(call);
            return;
        }

        _calls[call.Node] = call;
        _order.Add(call.Node);
    }

    public void AddEffect(SinkEffect effect)
    {
        var key = (effect.SinkLocation, effect.Api + "/" + effect.Parameters + "/" + (effect.Trigger?.Parameters ?? 0));
        if (_effects.TryGetValue(key, out var existing))
        {
            _effects[key] = existing with
            {
                Gated = existing.Gated && effect.Gated,
                Trigger = effect.Trigger is null ? null : existing.Trigger,
            };
            return;
        }

        _effects[key] = effect;
        _effectOrder.Add(key);
    }

    public ImmutableArray<SinkCall> Calls()
    {
        var builder = ImmutableArray.CreateBuilder<SinkCall>(_order.Count);
        foreach (var node in _order)
        {
            builder.Add(_calls[node]);
        }

        return builder.MoveToImmutable();
    }

    public ImmutableArray<SinkEffect> Effects()
    {
        var builder = ImmutableArray.CreateBuilder<SinkEffect>(_effectOrder.Count);
        foreach (var key in _effectOrder)
        {
            builder.Add(_effects[key]);
        }

        return builder.MoveToImmutable();
    }
}
