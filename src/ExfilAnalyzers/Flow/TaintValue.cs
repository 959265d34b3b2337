using System.Collections.Immutable;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The abstract value of one expression or place: which labels it carries (each with its trace), which
/// parameters of the method flow into it (for the method's summary), what it gives access to, what it
/// says about control flow, which place it writes into, what is known of it as a destination, and which
/// functions it may call. Immutable; <see cref="Clean"/> is the bottom.
/// </summary>
internal sealed record TaintValue
{
    /// <summary>Bound on the functions a delegate value tracks: beyond it, the first ones are kept.</summary>
    public const int MaxFunctions = 4;

    public static readonly TaintValue Clean = new();

    private TaintValue()
    {
    }

    public FlowTrace? SourceText { get; private init; }

    public FlowTrace? SymbolName { get; private init; }

    public FlowTrace? RepositoryMetadata { get; private init; }

    /// <summary>Bit i: parameter i of the analysed method flows here; bit 63: <c>this</c>.</summary>
    public ulong Parameters { get; private init; }

    public FlowTrace? ParameterTrace { get; private init; }

    public Handle Handles { get; private init; }

    public ConditionFact? Condition { get; private init; }

    /// <summary>For a writer or an alias: the place that receives what is written into this value.</summary>
    public Place? WritesInto { get; private init; }

    /// <summary>For a writer: how it hides what is written through it (a CryptoStream encrypts, a GZipStream compresses).</summary>
    public Obfuscation WriteObfuscation { get; private init; }

    /// <summary>What is known about the value as a network destination (EXF1006).</summary>
    public EndpointFact? Endpoint { get; private init; }

    /// <summary>For a delegate: the lambdas and methods it may call.</summary>
    public ImmutableArray<FunctionRef> Functions { get; private init; } = ImmutableArray<FunctionRef>.Empty;

    public TaintLabel Labels =>
        (SourceText is null ? 0 : TaintLabel.SourceText) | (SymbolName is null ? 0 : TaintLabel.SymbolName) | (RepositoryMetadata is null ? 0 : TaintLabel.RepositoryMetadata);

    /// <summary>True when the value carries sensitive data, or data of a parameter.</summary>
    public bool IsTainted => Labels != TaintLabel.None || Parameters != 0;

    public bool IsClean => ReferenceEquals(this, Clean)
        || (!IsTainted && Handles == Handle.None && Condition is null && WritesInto is null && Endpoint is null && Functions.IsEmpty);

    public FlowTrace? Trace(TaintLabel label) => label switch
    {
        TaintLabel.SourceText => SourceText,
        TaintLabel.SymbolName => SymbolName,
        TaintLabel.RepositoryMetadata => RepositoryMetadata,
        _ => null,
    };

    public Obfuscation Obfuscation =>
        (SourceText?.Obfuscation ?? 0) | (SymbolName?.Obfuscation ?? 0) | (RepositoryMetadata?.Obfuscation ?? 0) | (ParameterTrace?.Obfuscation ?? 0);

    public static TaintValue FromSource(TaintLabel label, string api, Location location) => Clean.WithLabel(label, FlowTrace.Start(api, location));

    public static TaintValue FromParameter(int bit, Location location) => FromParameterBits(1UL << bit, FlowTrace.Start(null, location));

    public static TaintValue FromParameterBits(ulong bits, FlowTrace trace) => new() { Parameters = bits, ParameterTrace = trace };

    public static TaintValue FromHandle(Handle handle) => handle == Handle.None ? Clean : new() { Handles = handle };

    public static TaintValue FromCondition(ConditionFact condition) => new() { Condition = condition };

    public static TaintValue FromEndpoint(EndpointFact endpoint) => new() { Endpoint = endpoint };

    public static TaintValue FromFunction(FunctionRef function) => new() { Functions = ImmutableArray.Create(function) };

    public TaintValue WithLabel(TaintLabel label, FlowTrace trace) => label switch
    {
        TaintLabel.SourceText => this with { SourceText = trace },
        TaintLabel.SymbolName => this with { SymbolName = trace },
        TaintLabel.RepositoryMetadata => this with { RepositoryMetadata = trace },
        _ => this,
    };

    public TaintValue WithHandles(Handle handles) => handles == Handles ? this : this with { Handles = handles };

    public TaintValue WithCondition(ConditionFact? condition) => ReferenceEquals(condition, Condition) ? this : this with { Condition = condition };

    public TaintValue WithWritesInto(Place? place, Obfuscation obfuscation = Obfuscation.None) => this with { WritesInto = place, WriteObfuscation = obfuscation };

    /// <summary>
    /// This value read in another method than the one that stored it: a writer's target that belonged
    /// to that method (the parameter or local a constructor stored a builder or stream from) is
    /// forgotten, so that what the reader writes through the value goes where the reader keeps it.
    /// </summary>
    public TaintValue ReadElsewhere() => WritesInto is { IsShared: false } ? this with { WritesInto = null, WriteObfuscation = Obfuscation.None } : this;

    public TaintValue WithEndpoint(EndpointFact? endpoint) => ReferenceEquals(endpoint, Endpoint) ? this : this with { Endpoint = endpoint };

    public TaintValue WithFunctions(ImmutableArray<FunctionRef> functions) => this with { Functions = functions };

    /// <summary>Only the data: labels and parameters with their traces, no handles, conditions or links.</summary>
    public TaintValue DataOnly() => !IsTainted ? Clean
        : Handles == Handle.None && HasOnlyData ? this
        : new() { SourceText = SourceText, SymbolName = SymbolName, RepositoryMetadata = RepositoryMetadata, Parameters = Parameters, ParameterTrace = ParameterTrace };

    /// <summary>The data and handles that an operation result inherits from an operand.</summary>
    public TaintValue Carried() => !IsTainted && Handles == Handle.None ? Clean
        : HasOnlyData ? this
        : new() { SourceText = SourceText, SymbolName = SymbolName, RepositoryMetadata = RepositoryMetadata, Parameters = Parameters, ParameterTrace = ParameterTrace, Handles = Handles };

    /// <summary>Nothing but data and handles: what <see cref="Carried"/> would copy is all there is (values are immutable, so it is shared).</summary>
    private bool HasOnlyData => Condition is null && WritesInto is null && WriteObfuscation == Obfuscation.None && Endpoint is null && Functions.IsEmpty;

    /// <summary>This value with its parameter bits dropped: what it is whoever calls.</summary>
    public TaintValue WithoutParameters() => Parameters == 0 ? this : this with { Parameters = 0, ParameterTrace = null };

    /// <summary>The data of this value with only the given labels (and no parameters).</summary>
    public TaintValue OnlyLabels(TaintLabel labels) => new()
    {
        SourceText = (labels & TaintLabel.SourceText) != 0 ? SourceText : null,
        SymbolName = (labels & TaintLabel.SymbolName) != 0 ? SymbolName : null,
        RepositoryMetadata = (labels & TaintLabel.RepositoryMetadata) != 0 ? RepositoryMetadata : null,
    };

    /// <summary>Every trace extended by one step.</summary>
    public TaintValue WithStep(Location step) => !IsTainted ? this : this with
    {
        SourceText = SourceText?.WithStep(step),
        SymbolName = SymbolName?.WithStep(step),
        RepositoryMetadata = RepositoryMetadata?.WithStep(step),
        ParameterTrace = ParameterTrace?.WithStep(step),
    };

    /// <summary>This value with the last step of another's traces (the assignment that stored it).</summary>
    public TaintValue WithSteps(TaintValue stepped)
    {
        var trace = stepped.SourceText ?? stepped.SymbolName ?? stepped.RepositoryMetadata ?? stepped.ParameterTrace;
        return trace?.LastStep is { } last ? WithStep(last) : this;
    }

    public TaintValue WithObfuscation(Obfuscation obfuscation, Location location) => !IsTainted || obfuscation == Obfuscation.None ? this : this with
    {
        SourceText = SourceText?.WithObfuscation(obfuscation, location),
        SymbolName = SymbolName?.WithObfuscation(obfuscation, location),
        RepositoryMetadata = RepositoryMetadata?.WithObfuscation(obfuscation, location),
        ParameterTrace = ParameterTrace?.WithObfuscation(obfuscation, location),
    };

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

        var sourceText = MergeTrace(SourceText, other.SourceText);
        var symbolName = MergeTrace(SymbolName, other.SymbolName);
        var repositoryMetadata = MergeTrace(RepositoryMetadata, other.RepositoryMetadata);
        var parameterTrace = MergeTrace(ParameterTrace, other.ParameterTrace);
        var condition = MergeCondition(Condition, other.Condition);
        var endpoint = EndpointFact.Join(Endpoint, other.Endpoint);
        var functions = MergeFunctions(Functions, other.Functions);

        // Most joins at a merge or a loop head add nothing: then the existing value is the result, and nothing is allocated.
        if (ReferenceEquals(sourceText, SourceText) && ReferenceEquals(symbolName, SymbolName) && ReferenceEquals(repositoryMetadata, RepositoryMetadata)
            && ReferenceEquals(parameterTrace, ParameterTrace) && ReferenceEquals(condition, Condition) && ReferenceEquals(endpoint, Endpoint)
            && functions == Functions && (Parameters | other.Parameters) == Parameters && (Handles | other.Handles) == Handles
            && (WritesInto.HasValue || !other.WritesInto.HasValue) && (WriteObfuscation | other.WriteObfuscation) == WriteObfuscation)
        {
            return this;
        }

        return new()
        {
            SourceText = sourceText,
            SymbolName = symbolName,
            RepositoryMetadata = repositoryMetadata,
            Parameters = Parameters | other.Parameters,
            ParameterTrace = parameterTrace,
            Handles = Handles | other.Handles,
            Condition = condition,
            WritesInto = WritesInto ?? other.WritesInto,
            WriteObfuscation = WriteObfuscation | other.WriteObfuscation,
            Endpoint = endpoint,
            Functions = functions,
        };
    }

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

    private static ImmutableArray<FunctionRef> MergeFunctions(ImmutableArray<FunctionRef> a, ImmutableArray<FunctionRef> b)
    {
        if (b.IsEmpty) return a;
        if (a.IsEmpty) return b;
        var merged = a;
        foreach (var function in b)
        {
            if (merged.Length >= MaxFunctions) break;
            if (!merged.Contains(function)) merged = merged.Add(function);
        }

        return merged;
    }

    /// <summary>Equality of everything the fixpoint depends on; traces excluded (see <see cref="Join"/>).</summary>
    public bool SameShape(TaintValue other)
    {
        if (ReferenceEquals(this, other)) return true;
        return Labels == other.Labels && Parameters == other.Parameters && Handles == other.Handles && Obfuscation == other.Obfuscation
            && (Condition is null ? other.Condition is null : Condition.SameShape(other.Condition))
            && SamePlace(WritesInto, other.WritesInto) && WriteObfuscation == other.WriteObfuscation
            && EndpointFact.SameShape(Endpoint, other.Endpoint)
            && Functions.Length == other.Functions.Length;
    }

    /// <summary>
    /// Exact equality: traces and facts by identity, the functions as a sequence (two joins that find
    /// the same lambdas make two arrays). A method that reads either value is analysed the same way.
    /// </summary>
    public bool SameValue(TaintValue other) =>
        ReferenceEquals(this, other) || (Functions.IsEmpty && other.Functions.IsEmpty ? Equals(other)
            : System.Linq.Enumerable.SequenceEqual(Functions, other.Functions) && Equals(other with { Functions = Functions }));

    private static bool SamePlace(Place? a, Place? b) => a.HasValue ? b.HasValue && a.Value.Equals(b.Value) : !b.HasValue;

    public override string ToString() => IsClean ? "clean" : $"{Labels} params={Parameters:x} handles={Handles} cond={Condition?.Kind}";
}
