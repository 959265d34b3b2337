using System.Collections.Generic;
using System.Collections.Immutable;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A sink inside a method that its callers can reach: the parameters whose data it sends, or whose
/// content triggers it. Callers instantiate it with their arguments.
/// </summary>
internal sealed record SinkEffect(
    ulong Parameters,
    FlowTrace? ParameterTrace,
    string Api,
    SinkKind Kind,
    Location SinkLocation,
    bool Gated,
    ConditionFact? Trigger,
    EndpointFact? Destination);

/// <summary>A callback: the method invokes the delegate held by parameter bit <see cref="Delegate"/> with these argument values.</summary>
internal sealed record DelegateInvocation(ulong Delegate, ImmutableArray<TaintValue> Arguments, Location Location);

/// <summary>
/// What a method does for its callers, computed once per compilation from its body alone: what it
/// returns (its own sources, and which parameters flow there), what it leaves in out and ref parameters,
/// what it writes into the objects its parameters give (bit 63 is <c>this</c>), what its exceptions carry out, which sinks its
/// parameters reach, and whether it returns only when consent holds. It also keeps the sink calls found
/// in the method, which the method's own diagnostics are made of.
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary Empty = new(TaintValue.Clean, ImmutableDictionary<int, TaintValue>.Empty,
        ImmutableDictionary<int, TaintValue>.Empty, ImmutableArray<SinkEffect>.Empty, ImmutableArray<SinkEffect>.Empty, false, ImmutableArray<SinkCall>.Empty,
        ImmutableDictionary<ISymbol, TaintValue>.Empty, CallArgumentMap.Empty);

    public MethodSummary(TaintValue returnValue, ImmutableDictionary<int, TaintValue> outParameters,
        ImmutableDictionary<int, TaintValue> parameterContents, ImmutableArray<SinkEffect> sinkEffects,
        ImmutableArray<SinkEffect> ungatedSinks, bool returnsOnlyWhenGated, ImmutableArray<SinkCall> sinkCalls,
        ImmutableDictionary<ISymbol, TaintValue> fieldWrites, CallArgumentMap callArguments,
        ImmutableArray<DelegateInvocation> invocations = default, TaintValue? thrown = null)
    {
        Thrown = thrown ?? TaintValue.Clean;
        Invocations = invocations.IsDefault ? ImmutableArray<DelegateInvocation>.Empty : invocations;
        FieldWrites = fieldWrites;
        CallArguments = callArguments;
        ReturnValue = returnValue;
        OutParameters = outParameters;
        ParameterContents = parameterContents;
        SinkEffects = sinkEffects;
        UngatedSinks = ungatedSinks;
        ReturnsOnlyWhenGated = returnsOnlyWhenGated;
        SinkCalls = sinkCalls;
    }

    /// <summary>
    /// This summary with what it puts into the objects its parameters give reduced to its own data: for a
    /// setter, whose store of <c>value</c> the property's own place speaks for, not the whole receiver.
    /// Made once per summary: it is asked at every assignment to the property.
    /// </summary>
    public MethodSummary WithContentsOfItsOwn() => _contentsOfItsOwn ??= MakeContentsOfItsOwn();

    private MethodSummary? _contentsOfItsOwn;

    private MethodSummary MakeContentsOfItsOwn()
    {
        var contents = ParameterContents.ToBuilder();
        var changed = false;
        foreach (var put in ParameterContents)
        {
            var own = put.Value.WithoutParameters();
            changed |= !ReferenceEquals(own, put.Value);
            contents[put.Key] = own;
        }

        return !changed ? this : new MethodSummary(ReturnValue, OutParameters, contents.ToImmutable(), SinkEffects, UngatedSinks, ReturnsOnlyWhenGated,
            SinkCalls, FieldWrites, CallArguments, Invocations, Thrown) { Deps = Deps };
    }

    /// <summary>
    /// This summary marked as depending on the state a whole cycle read and on what the whole cycle was
    /// computed from (a member of a cycle: each depends on every other).
    /// </summary>
    public MethodSummary ThatReads(StateReads reads, AnswerDeps deps) => (ReferenceEquals(reads, StateRead) || !reads.Any) && ReferenceEquals(deps, Deps)
        ? this
        : new MethodSummary(ReturnValue, OutParameters, ParameterContents, SinkEffects, UngatedSinks, ReturnsOnlyWhenGated, SinkCalls, FieldWrites,
            CallArguments, Invocations, Thrown) { StateRead = reads.Any ? reads : StateRead, Deps = deps, _analysed = Analysed };

    /// <summary>This summary with another record of what it was computed from (taken at another level, see <see cref="SummaryStore"/>).</summary>
    public MethodSummary WithDeps(AnswerDeps deps) => new(ReturnValue, OutParameters, ParameterContents, SinkEffects, UngatedSinks, ReturnsOnlyWhenGated,
        SinkCalls, FieldWrites, CallArguments, Invocations, Thrown) { StateRead = StateRead, Deps = deps, _analysed = Analysed };

    private MethodSummary? _analysed;

    /// <summary>The summary whose analysis this one is: itself, or the one it copies with more recorded about it.</summary>
    public MethodSummary Analysed => _analysed ?? this;

    /// <summary>What a call that may land on any of several methods may do: the join of their summaries.</summary>
    public static MethodSummary Merge(IReadOnlyList<MethodSummary> summaries)
    {
        var returned = summaries[0].ReturnValue;
        var outs = summaries[0].OutParameters;
        var contents = summaries[0].ParameterContents;
        var effects = summaries[0].SinkEffects.ToBuilder();
        var ungated = summaries[0].UngatedSinks.ToBuilder();
        var gated = summaries[0].ReturnsOnlyWhenGated;
        var invocations = summaries[0].Invocations.ToBuilder();
        var thrown = summaries[0].Thrown;
        for (var i = 1; i < summaries.Count; i++)
        {
            var other = summaries[i];
            returned = returned.Join(other.ReturnValue);
            thrown = thrown.Join(other.Thrown);
            outs = JoinByKey(outs, other.OutParameters);
            contents = JoinByKey(contents, other.ParameterContents);
            effects.AddRange(other.SinkEffects);
            ungated.AddRange(other.UngatedSinks);
            gated &= other.ReturnsOnlyWhenGated;
            invocations.AddRange(other.Invocations);
        }

        return new MethodSummary(returned, outs, contents, effects.ToImmutable(), ungated.ToImmutable(), gated, ImmutableArray<SinkCall>.Empty,
            ImmutableDictionary<ISymbol, TaintValue>.Empty, CallArgumentMap.Empty, invocations.ToImmutable(), thrown);
    }

    /// <summary>Equality of everything a caller depends on, traces excluded: the test that a cycle reached its fixpoint.</summary>
    public bool SameShape(MethodSummary other) =>
        ReturnValue.SameShape(other.ReturnValue)
        && Thrown.SameShape(other.Thrown)
        && SameValues(OutParameters, other.OutParameters)
        && SameValues(ParameterContents, other.ParameterContents)
        && SinkEffects.Length == other.SinkEffects.Length
        && UngatedSinks.Length == other.UngatedSinks.Length
        && ReturnsOnlyWhenGated == other.ReturnsOnlyWhenGated
        && Invocations.Length == other.Invocations.Length
        && FieldWrites.Count == other.FieldWrites.Count
        && CallArguments.Count == other.CallArguments.Count;

    private static bool SameValues(ImmutableDictionary<int, TaintValue> a, ImmutableDictionary<int, TaintValue> b)
    {
        if (a.Count != b.Count) return false;
        foreach (var pair in a)
        {
            if (!b.TryGetValue(pair.Key, out var other) || !pair.Value.SameShape(other)) return false;
        }

        return true;
    }

    private static ImmutableDictionary<int, TaintValue> JoinByKey(ImmutableDictionary<int, TaintValue> a, ImmutableDictionary<int, TaintValue> b)
    {
        foreach (var pair in b)
        {
            a = a.SetItem(pair.Key, a.TryGetValue(pair.Key, out var existing) ? existing.Join(pair.Value) : pair.Value);
        }

        return a;
    }

    /// <summary>Delegates the method receives and invokes: the caller's functions run with these arguments.</summary>
    public ImmutableArray<DelegateInvocation> Invocations { get; }

    /// <summary>
    /// The state whose value depends on the level that computing it read (<see cref="CallChain.StateRead"/>):
    /// when there is any, it holds only at the level it was computed at, unless that state reads the same
    /// at another, and whoever uses it depends on that state too. Set on the summaries that are cached;
    /// derived ones (a dispatch's merge, a setter's own contents) are used at once by a caller the cached
    /// ones already marked.
    /// </summary>
    public StateReads StateRead { get; init; } = StateReads.None;

    /// <summary>What computing it analysed, searched and used (<see cref="AnswerDeps"/>), for carrying answers built on it to the next compilation.</summary>
    public AnswerDeps Deps { get; init; } = AnswerDeps.None;

    public bool ReadsState => StateRead.Any;

    /// <summary>
    /// True when applying this summary changes nothing for a caller at any level: no result, no effect on
    /// what it is given, no sink, no callback run, no state read or written.
    /// </summary>
    public bool DoesNothing => !ReadsState && ReturnValue.IsClean && Thrown.IsClean && OutParameters.IsEmpty && ParameterContents.IsEmpty
        && SinkEffects.IsEmpty && UngatedSinks.IsEmpty && !ReturnsOnlyWhenGated && SinkCalls.IsEmpty && FieldWrites.IsEmpty && Invocations.IsEmpty;

    public TaintValue ReturnValue { get; }

    /// <summary>The data of the exceptions the method may let out (its own throws and its callees'), caught by no handler of its own.</summary>
    public TaintValue Thrown { get; }

    /// <summary>Values left in out and ref parameters, by ordinal.</summary>
    public ImmutableDictionary<int, TaintValue> OutParameters { get; }

    /// <summary>What the method puts into the objects its parameters (63: <c>this</c>) give it, by bit.</summary>
    public ImmutableDictionary<int, TaintValue> ParameterContents { get; }

    public ImmutableArray<SinkEffect> SinkEffects { get; }

    /// <summary>Sinks inside the method that no gate protects: a caller's keyword trigger reaches them.</summary>
    public ImmutableArray<SinkEffect> UngatedSinks { get; }

    public bool ReturnsOnlyWhenGated { get; }

    public ImmutableArray<SinkCall> SinkCalls { get; }

    /// <summary>What the method stores into fields and properties of this compilation (field-based: all instances as one).</summary>
    public ImmutableDictionary<ISymbol, TaintValue> FieldWrites { get; }

    /// <summary>What the method passes to methods of this compilation, per parameter: how callee parameters are instantiated for fields.</summary>
    public CallArgumentMap CallArguments { get; }
}
