using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The abstract value of one expression or place: which labels it carries (each with its trace), which
/// parameters of the method flow into it (for the method's summary), what it gives access to, what it
/// says about control flow, and which place it writes into. Immutable; <see cref="Clean"/> is the bottom.
/// </summary>
internal sealed class TaintValue
{
    public static readonly TaintValue Clean = new(null, null, null, 0, null, Handle.None, null, null, null);

    private TaintValue(FlowTrace? sourceText, FlowTrace? symbolName, FlowTrace? repositoryMetadata, ulong parameters,
        FlowTrace? parameterTrace, Handle handles, ConditionFact? condition, Place? writesInto, EndpointFact? endpoint, Obfuscation writeObfuscation = Obfuscation.None)
    {
        SourceText = sourceText;
        SymbolName = symbolName;
        RepositoryMetadata = repositoryMetadata;
        Parameters = parameters;
        ParameterTrace = parameterTrace;
        Handles = handles;
        Condition = condition;
        WritesInto = writesInto;
        Endpoint = endpoint;
        WriteObfuscation = writeObfuscation;
    }

    public FlowTrace? SourceText { get; }

    public FlowTrace? SymbolName { get; }

    public FlowTrace? RepositoryMetadata { get; }

    /// <summary>Bit i: parameter i of the analysed method flows here; bit 63: <c>this</c>.</summary>
    public ulong Parameters { get; }

    public FlowTrace? ParameterTrace { get; }

    public Handle Handles { get; }

    public ConditionFact? Condition { get; }

    /// <summary>For a writer or an alias: the place that receives what is written into this value.</summary>
    public Place? WritesInto { get; }

    /// <summary>For a writer: how it hides what is written through it (a CryptoStream encrypts, a GZipStream compresses).</summary>
    public Obfuscation WriteObfuscation { get; }

    /// <summary>What is known about the value as a network destination (EXF1006).</summary>
    public EndpointFact? Endpoint { get; }

    public TaintLabel Labels =>
        (SourceText is null ? 0 : TaintLabel.SourceText) | (SymbolName is null ? 0 : TaintLabel.SymbolName) | (RepositoryMetadata is null ? 0 : TaintLabel.RepositoryMetadata);

    /// <summary>True when the value carries sensitive data, or data of a parameter.</summary>
    public bool IsTainted => Labels != TaintLabel.None || Parameters != 0;

    public bool IsClean => ReferenceEquals(this, Clean) || (!IsTainted && Handles == Handle.None && Condition is null && WritesInto is null && Endpoint is null);

    public FlowTrace? Trace(TaintLabel label) => label switch
    {
        TaintLabel.SourceText => SourceText,
        TaintLabel.SymbolName => SymbolName,
        TaintLabel.RepositoryMetadata => RepositoryMetadata,
        _ => null,
    };

    public Obfuscation Obfuscation =>
        (SourceText?.Obfuscation ?? 0) | (SymbolName?.Obfuscation ?? 0) | (RepositoryMetadata?.Obfuscation ?? 0) | (ParameterTrace?.Obfuscation ?? 0);

    public static TaintValue FromSource(TaintLabel label, string api, Location location)
    {
        var trace = FlowTrace.Start(api, location);
        return Clean.WithLabel(label, trace);
    }

    public static TaintValue FromParameter(int bit, Location location) =>
        new(null, null, null, 1UL << bit, FlowTrace.Start(null, location), Handle.None, null, null, null);

    public static TaintValue FromParameterBits(ulong bits, FlowTrace trace) =>
        new(null, null, null, bits, trace, Handle.None, null, null, null);

    public static TaintValue FromHandle(Handle handle) => handle == Handle.None ? Clean : new(null, null, null, 0, null, handle, null, null, null);

    public static TaintValue FromCondition(ConditionFact condition) => new(null, null, null, 0, null, Handle.None, condition, null, null);

    public static TaintValue FromEndpoint(EndpointFact endpoint) => new(null, null, null, 0, null, Handle.None, null, null, endpoint);

    public TaintValue WithLabel(TaintLabel label, FlowTrace trace) => label switch
    {
        TaintLabel.SourceText => new(trace, SymbolName, RepositoryMetadata, Parameters, ParameterTrace, Handles, Condition, WritesInto, Endpoint, WriteObfuscation),
        TaintLabel.SymbolName => new(SourceText, trace, RepositoryMetadata, Parameters, ParameterTrace, Handles, Condition, WritesInto, Endpoint, WriteObfuscation),
        TaintLabel.RepositoryMetadata => new(SourceText, SymbolName, trace, Parameters, ParameterTrace, Handles, Condition, WritesInto, Endpoint, WriteObfuscation),
        _ => this,
    };

    public TaintValue WithHandles(Handle handles) =>
        handles == Handles ? this : new(SourceText, SymbolName, RepositoryMetadata, Parameters, ParameterTrace, handles, Condition, WritesInto, Endpoint, WriteObfuscation);

    public TaintValue WithCondition(ConditionFact? condition) =>
        ReferenceEquals(condition, Condition) ? this : new(SourceText, SymbolName, RepositoryMetadata, Parameters, ParameterTrace, Handles, condition, WritesInto, Endpoint, WriteObfuscation);

    public TaintValue WithWritesInto(Place? place, Obfuscation obfuscation = Obfuscation.None) =>
        new(SourceText, SymbolName, RepositoryMetadata, Parameters, ParameterTrace, Handles, Condition, place, Endpoint, obfuscation);

    public TaintValue WithEndpoint(EndpointFact? endpoint) =>
        ReferenceEquals(endpoint, Endpoint) ? this : new(SourceText, SymbolName, RepositoryMetadata, Parameters, ParameterTrace, Handles, Condition, WritesInto, endpoint, WriteObfuscation);

    /// <summary>Only the data: labels and parameters with their traces, no handles, conditions or links.</summary>
    public TaintValue DataOnly() =>
        IsTainted ? new(SourceText, SymbolName, RepositoryMetadata, Parameters, ParameterTrace, Handle.None, null, null, null) : Clean;

    /// <summary>The data and handles that an operation result inherits from an operand.</summary>
    public TaintValue Carried() =>
        IsTainted || Handles != Handle.None ? new(SourceText, SymbolName, RepositoryMetadata, Parameters, ParameterTrace, Handles, null, null, null) : Clean;

    /// <summary>This value with its parameter bits dropped: what it is whoever calls.</summary>
    public TaintValue WithoutParameters() =>
        Parameters == 0 ? this : new(SourceText, SymbolName, RepositoryMetadata, 0, null, Handles, Condition, WritesInto, Endpoint, WriteObfuscation);

    /// <summary>The data of this value with only the given labels (and no parameters).</summary>
    public TaintValue OnlyLabels(TaintLabel labels) =>
        new((labels & TaintLabel.SourceText) != 0 ? SourceText : null, (labels & TaintLabel.SymbolName) != 0 ? SymbolName : null,
            (labels & TaintLabel.RepositoryMetadata) != 0 ? RepositoryMetadata : null, 0, null, Handle.None, null, null, null);

    /// <summary>Every trace extended by one step.</summary>
    public TaintValue WithStep(Location step)
    {
        if (!IsTainted)
        {
            return this;
        }

        return new(SourceText?.WithStep(step), SymbolName?.WithStep(step), RepositoryMetadata?.WithStep(step), Parameters,
            ParameterTrace?.WithStep(step), Handles, Condition, WritesInto, Endpoint, WriteObfuscation);
    }

    /// <summary>This value with the last step of another's traces (the assignment that stored it).</summary>
    public TaintValue WithSteps(TaintValue stepped)
    {
        var trace = stepped.SourceText ?? stepped.SymbolName ?? stepped.RepositoryMetadata ?? stepped.ParameterTrace;
        return trace is { Steps.Length: > 0 } ? WithStep(trace.Steps[trace.Steps.Length - 1]) : this;
    }

    public TaintValue WithObfuscation(Obfuscation obfuscation, Location location)
    {
        if (!IsTainted || obfuscation == Obfuscation.None)
        {
            return this;
        }

        return new(SourceText?.WithObfuscation(obfuscation, location), SymbolName?.WithObfuscation(obfuscation, location),
            RepositoryMetadata?.WithObfuscation(obfuscation, location), Parameters, ParameterTrace?.WithObfuscation(obfuscation, location),
            Handles, Condition, WritesInto, Endpoint, WriteObfuscation);
    }

    /// <summary>
    /// The least upper bound. Traces are not part of the order: the first one found is kept, and only
    /// tactics are merged, which is the widening that keeps provenance from growing in loops.
    /// </summary>
    public TaintValue Join(TaintValue other)
    {
        if (ReferenceEquals(this, other) || (ReferenceEquals(other, Clean) && Endpoint is null && Condition?.Kind != ConditionKind.Gate))
        {
            return this;
        }

        if (ReferenceEquals(this, Clean) && other.Endpoint is null && other.Condition?.Kind != ConditionKind.Gate)
        {
            return other;
        }

        return Merge(other);
    }

    private TaintValue Merge(TaintValue other) => new(
        MergeTrace(SourceText, other.SourceText),
        MergeTrace(SymbolName, other.SymbolName),
        MergeTrace(RepositoryMetadata, other.RepositoryMetadata),
        Parameters | other.Parameters,
        MergeTrace(ParameterTrace, other.ParameterTrace),
        Handles | other.Handles,
        MergeCondition(Condition, other.Condition),
        WritesInto ?? other.WritesInto,
        EndpointFact.Join(Endpoint, other.Endpoint),
        WriteObfuscation | other.WriteObfuscation);

    private static FlowTrace? MergeTrace(FlowTrace? a, FlowTrace? b) => a is null ? b : b is null ? a : a.MergeTactics(b);

    /// <summary>
    /// Content tests and probes are may-facts: either side's is kept. A gate is a must-fact: the joined
    /// value says "consent" only if both sides do, the same way.
    /// </summary>
    private static ConditionFact? MergeCondition(ConditionFact? a, ConditionFact? b)
    {
        if (a?.Kind == ConditionKind.ContentTest) return a;
        if (b?.Kind == ConditionKind.ContentTest) return b;
        if (a?.Kind == ConditionKind.Gate || b?.Kind == ConditionKind.Gate)
        {
            return a is not null && a.SameShape(b) ? a : null;
        }

        return a ?? b;
    }

    /// <summary>Equality of everything the fixpoint depends on; traces excluded (see <see cref="Join"/>).</summary>
    public bool SameShape(TaintValue other)
    {
        if (ReferenceEquals(this, other)) return true;
        return Labels == other.Labels && Parameters == other.Parameters && Handles == other.Handles && Obfuscation == other.Obfuscation
            && (Condition is null ? other.Condition is null : Condition.SameShape(other.Condition))
            && Nullable.Equals(WritesInto, other.WritesInto) && WriteObfuscation == other.WriteObfuscation
            && EndpointFact.SameShape(Endpoint, other.Endpoint);
    }

    public override string ToString() => IsClean ? "clean" : $"{Labels} params={Parameters:x} handles={Handles} cond={Condition?.Kind}";

    private static class Nullable
    {
        public static bool Equals(Place? a, Place? b) => a.HasValue ? b.HasValue && a.Value.Equals(b.Value) : !b.HasValue;
    }
}
