using System.Collections.Immutable;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Where one label of a value came from and the steps it took: what the report shows as additional
/// locations. Bounded, so that a loop cannot grow it: after <see cref="MaxSteps"/> steps, new ones are dropped.
/// </summary>
internal sealed class FlowTrace
{
    public const int MaxSteps = 24;

    public FlowTrace(string? sourceApi, Location sourceLocation, ImmutableArray<Location> steps, Obfuscation obfuscation, Location? obfuscationLocation)
    {
        SourceApi = sourceApi;
        SourceLocation = sourceLocation;
        Steps = steps;
        Obfuscation = obfuscation;
        ObfuscationLocation = obfuscationLocation;
    }

    /// <summary>The API that produced the data, or null for a flow that starts at a parameter.</summary>
    public string? SourceApi { get; }

    public Location SourceLocation { get; }

    public ImmutableArray<Location> Steps { get; }

    public Obfuscation Obfuscation { get; }

    public Location? ObfuscationLocation { get; }

    public static FlowTrace Start(string? sourceApi, Location location) => new(sourceApi, location, ImmutableArray<Location>.Empty, Obfuscation.None, null);

    public FlowTrace WithStep(Location step)
    {
        if (Steps.Length >= MaxSteps || step == SourceLocation || (Steps.Length > 0 && Steps[Steps.Length - 1] == step))
        {
            return this;
        }

        return new FlowTrace(SourceApi, SourceLocation, Steps.Add(step), Obfuscation, ObfuscationLocation);
    }

    public FlowTrace WithSteps(ImmutableArray<Location> steps)
    {
        var result = this;
        foreach (var step in steps)
        {
            result = result.WithStep(step);
        }

        return result;
    }

    public FlowTrace WithObfuscation(Obfuscation obfuscation, Location location)
    {
        if ((Obfuscation & obfuscation) == obfuscation)
        {
            return this;
        }

        return new FlowTrace(SourceApi, SourceLocation, Steps, Obfuscation | obfuscation, ObfuscationLocation ?? location).WithStep(location);
    }

    /// <summary>This trace with the other's obfuscation added: a join keeps the first path and every tactic.</summary>
    public FlowTrace MergeTactics(FlowTrace other) =>
        (Obfuscation | other.Obfuscation) == Obfuscation
            ? this
            : new FlowTrace(SourceApi, SourceLocation, Steps, Obfuscation | other.Obfuscation, ObfuscationLocation ?? other.ObfuscationLocation);

    /// <summary>A caller's trace continued by the callee's steps from its parameter onwards.</summary>
    public FlowTrace Continue(FlowTrace calleeTrace)
    {
        // The callee's steps already pass through where it hid the data: add its tactics, not a step.
        var result = WithStep(calleeTrace.SourceLocation).WithSteps(calleeTrace.Steps);
        return (result.Obfuscation | calleeTrace.Obfuscation) == result.Obfuscation
            ? result
            : new FlowTrace(result.SourceApi, result.SourceLocation, result.Steps, result.Obfuscation | calleeTrace.Obfuscation,
                result.ObfuscationLocation ?? calleeTrace.ObfuscationLocation);
    }
}
