using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Equality of two summaries of one method in everything a caller reads from them, locations and
/// traces aside: what it returns, throws and leaves in its parameters, the sinks its parameters reach,
/// what it writes, passes and invokes, and the state it read. An answer computed from one of them is
/// the answer the other would give, except where it holds the method's locations (<see cref="EarlyCutoff"/>).
/// </summary>
internal static class SummaryShape
{
    public static bool Same(MethodSummary a, MethodSummary b) =>
        Same(a.ReturnValue, b.ReturnValue) && Same(a.Thrown, b.Thrown)
        && Same(a.OutParameters, b.OutParameters) && Same(a.ParameterContents, b.ParameterContents)
        && Same(a.SinkEffects, b.SinkEffects) && Same(a.UngatedSinks, b.UngatedSinks)
        && a.ReturnsOnlyWhenGated == b.ReturnsOnlyWhenGated
        && Same(a.FieldWrites, b.FieldWrites) && Same(a.CallArguments, b.CallArguments) && Same(a.Invocations, b.Invocations)
        && Same(a.StateRead, b.StateRead);

    /// <summary>Everything of the value but its traces: the functions as a sequence, not only their number.</summary>
    private static bool Same(TaintValue a, TaintValue b) =>
        a.SameShape(b) && System.Linq.Enumerable.SequenceEqual(a.Functions, b.Functions);

    private static bool Same(ImmutableArray<TaintValue> a, ImmutableArray<TaintValue> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (!Same(a[i], b[i])) return false;
        }

        return true;
    }

    private static bool Same<TKey>(ImmutableDictionary<TKey, TaintValue> a, ImmutableDictionary<TKey, TaintValue> b)
        where TKey : notnull => Same(a, b, Same);

    private static bool Same(CallArgumentMap a, CallArgumentMap b) => a.SameAs(b, Same);

    /// <summary>The same keys, each with values that read the same (the dictionaries' own key comparers decide the keys).</summary>
    private static bool Same<TKey, TValue>(ImmutableDictionary<TKey, TValue> a, ImmutableDictionary<TKey, TValue> b, System.Func<TValue, TValue, bool> same)
        where TKey : notnull
    {
        if (a.Count != b.Count) return false;
        foreach (var pair in a)
        {
            if (!b.TryGetValue(pair.Key, out var other) || !same(pair.Value, other)) return false;
        }

        return true;
    }

    private static bool Same(ImmutableArray<SinkEffect> a, ImmutableArray<SinkEffect> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            var (x, y) = (a[i], b[i]);
            if (x.Parameters != y.Parameters || x.Api != y.Api || x.Kind != y.Kind || x.Gated != y.Gated
                || (x.ParameterTrace?.Obfuscation ?? 0) != (y.ParameterTrace?.Obfuscation ?? 0)
                || (x.Trigger is null ? y.Trigger is not null : !x.Trigger.SameShape(y.Trigger))
                || !EndpointFact.SameShape(x.Destination, y.Destination))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(ImmutableArray<DelegateInvocation> a, ImmutableArray<DelegateInvocation> b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i].Delegate != b[i].Delegate || !Same(a[i].Arguments, b[i].Arguments)) return false;
        }

        return true;
    }

    private static bool Same(StateReads a, StateReads b)
    {
        if (a.IsLevelBound != b.IsLevelBound || a.Fields.Length != b.Fields.Length) return false;
        var fields = new HashSet<ISymbol>(a.Fields, SymbolEqualityComparer.Default);
        foreach (var field in b.Fields)
        {
            if (!fields.Contains(field)) return false;
        }

        return true;
    }
}
