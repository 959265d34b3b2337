using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Gathers what one method's analysis finds, its lambdas and local functions included: the sink calls
/// (one per call site, merged across visits), the sink effects its parameters have, what it writes into
/// fields and properties of this compilation, and what it passes to methods of this compilation.
/// </summary>
internal sealed class MethodFindings
{
    private readonly Dictionary<ISymbol, TaintValue> _fieldWrites = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, TaintValue[]> _callArguments = new(SymbolEqualityComparer.Default);
    private readonly List<DelegateInvocation> _invocations = new();

    /// <summary>The method invokes a delegate it was given (a parameter) with these arguments.</summary>
    public void NoteInvocation(DelegateInvocation invocation)
    {
        foreach (var existing in _invocations)
        {
            if (existing.Delegate == invocation.Delegate && existing.Location == invocation.Location) return;
        }

        _invocations.Add(invocation);
    }

    public ImmutableArray<DelegateInvocation> Invocations() => _invocations.ToImmutableArray();

    /// <summary>A value stored into a field or property of this compilation (its contents included).</summary>
    public void NoteFieldWrite(ISymbol member, TaintValue value)
    {
        _fieldWrites[member] = _fieldWrites.TryGetValue(member, out var old) ? old.Join(value) : value;
    }

    /// <summary>The data a call passes to a method of this compilation, per parameter.</summary>
    public void NoteCall(IMethodSymbol callee, TaintValue[] arguments)
    {
        if (!_callArguments.TryGetValue(callee, out var joined))
        {
            _callArguments[callee] = arguments;
            return;
        }

        for (var i = 0; i < joined.Length && i < arguments.Length; i++)
        {
            joined[i] = joined[i].Join(arguments[i]);
        }
    }

    public ImmutableDictionary<ISymbol, TaintValue> FieldWrites() => _fieldWrites.ToImmutableDictionary(SymbolEqualityComparer.Default);

    public CallArgumentMap CallArguments()
    {
        var builder = ImmutableDictionary.CreateBuilder<IMethodSymbol, ImmutableArray<TaintValue>>(SymbolEqualityComparer.Default);
        foreach (var pair in _callArguments)
        {
            builder[pair.Key] = pair.Value.ToImmutableArray();
        }

        return CallArgumentMap.Of(builder.ToImmutable());
    }

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
