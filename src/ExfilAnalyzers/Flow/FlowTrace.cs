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

    // The steps as a list shared between traces, newest first: a step is added in constant time and
    // a trace that branches shares its past. Turned into an array only when a report reads it.
    private readonly StepNode? _last;
    private ImmutableArray<Location> _steps;

    private FlowTrace(string? sourceApi, Location sourceLocation, StepNode? last, int stepCount, Obfuscation obfuscation, Location? obfuscationLocation)
    {
        SourceApi = sourceApi;
        SourceLocation = sourceLocation;
        _last = last;
        StepCount = stepCount;
        Obfuscation = obfuscation;
        ObfuscationLocation = obfuscationLocation;
    }

    /// <summary>The API that produced the data, or null for a flow that starts at a parameter.</summary>
    public string? SourceApi { get; }

    public Location SourceLocation { get; }

    public int StepCount { get; }

    /// <summary>The most recent step, if any.</summary>
    public Location? LastStep => _last?.Step;

    /// <summary>The steps in order, oldest first.</summary>
    public ImmutableArray<Location> Steps
    {
        get
        {
            if (_steps.IsDefault)
            {
                var steps = new Location[StepCount];
                var node = _last;
                for (var i = StepCount - 1; i >= 0 && node is not null; i--, node = node.Previous)
                {
                    steps[i] = node.Step;
                }

                // A benign race: every thread computes the same array.
                _steps = ImmutableArray.Create(steps);
            }

            return _steps;
        }
    }

    public Obfuscation Obfuscation { get; }

    public Location? ObfuscationLocation { get; }

    public static FlowTrace Start(string? sourceApi, Location location) => new(sourceApi, location, null, 0, Obfuscation.None, null);

    public FlowTrace WithStep(Location step)
    {
        if (StepCount >= MaxSteps || step == SourceLocation || (_last is not null && _last.Step == step))
        {
            return this;
        }

        return new FlowTrace(SourceApi, SourceLocation, new StepNode(step, _last), StepCount + 1, Obfuscation, ObfuscationLocation);
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

        return new FlowTrace(SourceApi, SourceLocation, _last, StepCount, Obfuscation | obfuscation, ObfuscationLocation ?? location).WithStep(location);
    }

    /// <summary>This trace with the other's obfuscation added: a join keeps the first path and every tactic.</summary>
    public FlowTrace MergeTactics(FlowTrace other) =>
        (Obfuscation | other.Obfuscation) == Obfuscation
            ? this
            : new FlowTrace(SourceApi, SourceLocation, _last, StepCount, Obfuscation | other.Obfuscation, ObfuscationLocation ?? other.ObfuscationLocation);

    /// <summary>A caller's trace continued by the callee's steps from its parameter onwards.</summary>
    public FlowTrace Continue(FlowTrace calleeTrace)
    {
        // The callee's steps already pass through where it hid the data: add its tactics, not a step.
        var result = WithStep(calleeTrace.SourceLocation).WithSteps(calleeTrace.Steps);
        return (result.Obfuscation | calleeTrace.Obfuscation) == result.Obfuscation
            ? result
            : new FlowTrace(result.SourceApi, result.SourceLocation, result._last, result.StepCount, result.Obfuscation | calleeTrace.Obfuscation,
                result.ObfuscationLocation ?? calleeTrace.ObfuscationLocation);
    }

    private sealed class StepNode
    {
        public StepNode(Location step, StepNode? previous)
        {
            Step = step;
            Previous = previous;
        }

        public Location Step { get; }

        public StepNode? Previous { get; }
    }
}
