using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A method's summary kept for the next compilation of the project, with what it was computed from and
/// the trees its locations are in. Its values are kept as <see cref="CarriedTaint"/>s; the state it
/// writes or read and the methods it passes arguments to, by documentation id
/// (<see cref="CarriedSymbols"/>); the parameters of the method its values write through, by ordinal; its
/// sink calls and effects hold syntax and locations only, which stay valid while their trees are
/// unchanged. A summary that holds anything else (a place of a local, a lambda inside a lambda) is not kept.
/// </summary>
internal sealed class CarriedSummary
{
    private readonly Parts _parts;
    private readonly MethodSummary _symbolFree;

    private CarriedSummary(Parts parts, MethodSummary symbolFree, AnswerDeps deps, ImmutableArray<SyntaxTree> trees)
    {
        _parts = parts;
        _symbolFree = symbolFree;
        Deps = deps;
        Trees = trees;
    }

    public AnswerDeps Deps { get; }

    /// <summary>The same summary with another record of what it was computed from.</summary>
    public CarriedSummary WithDeps(AnswerDeps deps) => new(_parts, _symbolFree, deps, Trees);

    /// <summary>True when the two are one summary, whatever each records it was computed from (one kept by early cutoff).</summary>
    public bool SameSummary(CarriedSummary other) => ReferenceEquals(_parts, other._parts);

    /// <summary>The trees the summary's syntax and locations are in.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The summary as kept, or null when it holds what the next compilation could not find again.</summary>
    public static CarriedSummary? Of(MethodSummary summary, IMethodSymbol method, CarriedSymbols symbols)
    {
        var trees = new List<SyntaxTree>();
        var parts = new Parts();
        if (CarriedTaint.Of(summary.ReturnValue, trees, method) is not { } returned || CarriedTaint.Of(summary.Thrown, trees, method) is not { } thrown
            || ByKey(summary.OutParameters, trees, method) is not { } outs || ByKey(summary.ParameterContents, trees, method) is not { } contents
            || FieldWrites(summary, method, symbols, trees) is not { } fieldWrites || CallArguments(summary, method, symbols, trees) is not { } callArguments
            || Invocations(summary, method, trees) is not { } invocations || StateRead(summary, symbols) is not { } stateRead)
        {
            return null;
        }

        parts.ReturnValue = returned;
        parts.Thrown = thrown;
        parts.OutParameters = outs;
        parts.ParameterContents = contents;
        parts.FieldWrites = fieldWrites;
        parts.CallArguments = callArguments;
        parts.Invocations = invocations;
        parts.StateRead = stateRead;
        parts.LevelBound = summary.StateRead.IsLevelBound;
        foreach (var effect in summary.SinkEffects) AddTrees(trees, effect);
        foreach (var effect in summary.UngatedSinks) AddTrees(trees, effect);
        foreach (var call in summary.SinkCalls) AddTrees(trees, call);

        // What holds no symbol already (sink effects and calls, the gate) is kept as one summary of its own.
        var symbolFree = new MethodSummary(TaintValue.Clean, ImmutableDictionary<int, TaintValue>.Empty, ImmutableDictionary<int, TaintValue>.Empty,
            summary.SinkEffects, summary.UngatedSinks, summary.ReturnsOnlyWhenGated, summary.SinkCalls,
            ImmutableDictionary<ISymbol, TaintValue>.Empty, CallArgumentMap.Empty);
        return new CarriedSummary(parts, symbolFree, summary.Deps, trees.ToImmutableArray());
    }

    /// <summary>The summary in the compilation, everything it names found again there; null when something cannot be.</summary>
    public MethodSummary? In(FlowContext context, IMethodSymbol method, CarriedSymbols symbols, CancellationToken cancellationToken)
    {
        if (_parts.ReturnValue.In(context, cancellationToken, method) is not { } returned || _parts.Thrown.In(context, cancellationToken, method) is not { } thrown
            || ByKey(_parts.OutParameters, context, method, cancellationToken) is not { } outs || ByKey(_parts.ParameterContents, context, method, cancellationToken) is not { } contents)
        {
            return null;
        }

        var fieldWrites = ImmutableDictionary.CreateBuilder<ISymbol, TaintValue>(SymbolEqualityComparer.Default);
        foreach (var (id, carried) in _parts.FieldWrites)
        {
            if (symbols.Find(id) is not { } field || carried.In(context, cancellationToken, method) is not { } value) return null;
            fieldWrites[field] = value;
        }

        // The callees are found again only when asked about (CallArgumentMap): a composition root names hundreds.
        var callArguments = ImmutableDictionary.CreateBuilder<string, ImmutableArray<TaintValue>>(System.StringComparer.Ordinal);
        foreach (var (id, carried) in _parts.CallArguments)
        {
            if (All(carried, context, method, cancellationToken) is not { } arguments) return null;
            callArguments[id] = arguments;
        }

        var invocations = ImmutableArray.CreateBuilder<DelegateInvocation>(_parts.Invocations.Length);
        foreach (var (bit, carried, location) in _parts.Invocations)
        {
            if (All(carried, context, method, cancellationToken) is not { } arguments) return null;
            invocations.Add(new DelegateInvocation(bit, arguments, location));
        }

        HashSet<ISymbol>? stateRead = null;
        foreach (var id in _parts.StateRead)
        {
            if (symbols.Find(id) is not { } field) return null;
            (stateRead ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(field);
        }

        var free = _symbolFree;
        return new MethodSummary(returned, outs, contents, free.SinkEffects, free.UngatedSinks, free.ReturnsOnlyWhenGated, free.SinkCalls,
            fieldWrites.ToImmutable(), CallArgumentMap.Carried(callArguments.ToImmutable(), symbols), invocations.MoveToImmutable(), thrown)
        {
            StateRead = _parts.LevelBound ? StateReads.LevelBound : StateReads.Of(stateRead, levelBound: false),
            Deps = Deps,
        };
    }

    private static ImmutableArray<(int Key, CarriedTaint Value)>? ByKey(ImmutableDictionary<int, TaintValue> values, List<SyntaxTree> trees, IMethodSymbol method)
    {
        if (values.IsEmpty)
        {
            return ImmutableArray<(int, CarriedTaint)>.Empty;
        }

        var kept = ImmutableArray.CreateBuilder<(int, CarriedTaint)>(values.Count);
        foreach (var pair in values)
        {
            if (CarriedTaint.Of(pair.Value, trees, method) is not { } value) return null;
            kept.Add((pair.Key, value));
        }

        return kept.MoveToImmutable();
    }

    private static ImmutableDictionary<int, TaintValue>? ByKey(ImmutableArray<(int Key, CarriedTaint Value)> kept, FlowContext context, IMethodSymbol method,
        CancellationToken cancellationToken)
    {
        var values = ImmutableDictionary<int, TaintValue>.Empty;
        foreach (var (key, carried) in kept)
        {
            if (carried.In(context, cancellationToken, method) is not { } value) return null;
            values = values.Add(key, value);
        }

        return values;
    }

    private static ImmutableArray<(string, CarriedTaint)>? FieldWrites(MethodSummary summary, IMethodSymbol method, CarriedSymbols symbols, List<SyntaxTree> trees)
    {
        if (summary.FieldWrites.IsEmpty)
        {
            return ImmutableArray<(string, CarriedTaint)>.Empty;
        }

        var kept = ImmutableArray.CreateBuilder<(string, CarriedTaint)>(summary.FieldWrites.Count);
        foreach (var pair in summary.FieldWrites)
        {
            if (symbols.IdOf(pair.Key) is not { } id || CarriedTaint.Of(pair.Value, trees, method) is not { } value) return null;
            kept.Add((id, value));
        }

        return kept.MoveToImmutable();
    }

    private static ImmutableArray<(string, ImmutableArray<CarriedTaint>)>? CallArguments(MethodSummary summary, IMethodSymbol method, CarriedSymbols symbols,
        List<SyntaxTree> trees)
    {
        if (summary.CallArguments.Count == 0)
        {
            return ImmutableArray<(string, ImmutableArray<CarriedTaint>)>.Empty;
        }

        if (summary.CallArguments.ById(symbols) is not { } byId)
        {
            return null;
        }

        var kept = ImmutableArray.CreateBuilder<(string, ImmutableArray<CarriedTaint>)>(byId.Count);
        foreach (var pair in byId)
        {
            if (All(pair.Value, trees, method) is not { } arguments) return null;
            kept.Add((pair.Key, arguments));
        }

        return kept.MoveToImmutable();
    }

    private static ImmutableArray<(ulong, ImmutableArray<CarriedTaint>, Location)>? Invocations(MethodSummary summary, IMethodSymbol method, List<SyntaxTree> trees)
    {
        if (summary.Invocations.IsEmpty)
        {
            return ImmutableArray<(ulong, ImmutableArray<CarriedTaint>, Location)>.Empty;
        }

        var kept = ImmutableArray.CreateBuilder<(ulong, ImmutableArray<CarriedTaint>, Location)>(summary.Invocations.Length);
        foreach (var invocation in summary.Invocations)
        {
            if (All(invocation.Arguments, trees, method) is not { } arguments) return null;
            CarriedTaint.AddTree(trees, invocation.Location);
            kept.Add((invocation.Delegate, arguments, invocation.Location));
        }

        return kept.MoveToImmutable();
    }

    private static ImmutableArray<string>? StateRead(MethodSummary summary, CarriedSymbols symbols)
    {
        var fields = summary.StateRead.Fields;
        if (fields.IsEmpty)
        {
            return ImmutableArray<string>.Empty;
        }

        var kept = ImmutableArray.CreateBuilder<string>(fields.Length);
        foreach (var field in fields)
        {
            if (symbols.IdOf(field) is not { } id) return null;
            kept.Add(id);
        }

        return kept.MoveToImmutable();
    }

    private static ImmutableArray<CarriedTaint>? All(ImmutableArray<TaintValue> values, List<SyntaxTree> trees, IMethodSymbol method)
    {
        var kept = ImmutableArray.CreateBuilder<CarriedTaint>(values.Length);
        foreach (var value in values)
        {
            if (CarriedTaint.Of(value, trees, method) is not { } carried) return null;
            kept.Add(carried);
        }

        return kept.MoveToImmutable();
    }

    private static ImmutableArray<TaintValue>? All(ImmutableArray<CarriedTaint> kept, FlowContext context, IMethodSymbol method, CancellationToken cancellationToken)
    {
        var values = ImmutableArray.CreateBuilder<TaintValue>(kept.Length);
        foreach (var carried in kept)
        {
            if (carried.In(context, cancellationToken, method) is not { } value) return null;
            values.Add(value);
        }

        return values.MoveToImmutable();
    }

    private static void AddTrees(List<SyntaxTree> trees, SinkEffect effect)
    {
        CarriedTaint.AddTrees(trees, effect.ParameterTrace);
        CarriedTaint.AddTree(trees, effect.SinkLocation);
        CarriedTaint.AddTrees(trees, effect.Trigger);
    }

    private static void AddTrees(List<SyntaxTree> trees, SinkCall call)
    {
        if (!trees.Contains(call.Node.SyntaxTree)) trees.Add(call.Node.SyntaxTree);
        CarriedTaint.AddTrees(trees, call.Trigger);
        foreach (var flow in call.Flows)
        {
            CarriedTaint.AddTree(trees, flow.Primary);
            CarriedTaint.AddTrees(trees, flow.Trace);
        }
    }

    /// <summary>The parts of a summary that name symbols, as kept (set once, when it is made).</summary>
    private sealed class Parts
    {
        public CarriedTaint ReturnValue = CarriedTaint.Clean;
        public CarriedTaint Thrown = CarriedTaint.Clean;
        public ImmutableArray<(int Key, CarriedTaint Value)> OutParameters;
        public ImmutableArray<(int Key, CarriedTaint Value)> ParameterContents;
        public ImmutableArray<(string Id, CarriedTaint Value)> FieldWrites;
        public ImmutableArray<(string Id, ImmutableArray<CarriedTaint> Arguments)> CallArguments;
        public ImmutableArray<(ulong Delegate, ImmutableArray<CarriedTaint> Arguments, Location Location)> Invocations;
        public ImmutableArray<string> StateRead;
        public bool LevelBound;
    }
}
