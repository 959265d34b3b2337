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
    // a trace that branches shares its past; a callee's steps are one node that refers to its trace.
    // Turned into an array only when a report reads it.
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
                var end = StepCount;
                for (var node = _last; node is not null && end > 0; node = node.Previous)
                {
                    end = node.CopyTo(steps, end, SourceLocation);
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
        // What adding the callee's source and each of its steps would add, counted without building it:
        // a call site continues every trace a summary returns, so the steps are spliced in as one node.
        var count = StepCount;
        var last = LastStep;
        var added = 0;
        Consider(calleeTrace.SourceLocation);
        foreach (var step in calleeTrace.Steps)
        {
            Consider(step);
        }

        var result = added == 0
            ? this
            : new FlowTrace(SourceApi, SourceLocation, new Spliced(last!, _last, calleeTrace, added), count, Obfuscation, ObfuscationLocation);

        // The callee's steps already pass through where it hid the data: add its tactics, not a step.
        return (result.Obfuscation | calleeTrace.Obfuscation) == result.Obfuscation
            ? result
            : new FlowTrace(result.SourceApi, result.SourceLocation, result._last, result.StepCount, result.Obfuscation | calleeTrace.Obfuscation,
                result.ObfuscationLocation ?? calleeTrace.ObfuscationLocation);

        // WithStep's rules: at most MaxSteps, no step at the source, none twice in a row.
        void Consider(Location step)
        {
            if (count >= MaxSteps || step == SourceLocation || step == last) return;
            count++;
            added++;
            last = step;
        }
    }

    /// <summary>One step, or (<see cref="Spliced"/>) several; <see cref="Step"/> is always the newest.</summary>
    private class StepNode
    {
        public StepNode(Location step, StepNode? previous)
        {
            Step = step;
            Previous = previous;
        }

        public Location Step { get; }

        public StepNode? Previous { get; }

        /// <summary>Writes this node's steps just before <paramref name="end"/>; returns where they start.</summary>
        public virtual int CopyTo(Location[] steps, int end, Location source)
        {
            steps[end - 1] = Step;
            return end - 1;
        }
    }

    /// <summary>
    /// A callee's source and steps added by <see cref="Continue"/>: replayed with the same rules as
    /// <see cref="WithStep"/> (no step at the source, none twice in a row) when the steps are read.
    /// </summary>
    private sealed class Spliced : StepNode
    {
        private readonly FlowTrace _callee;
        private readonly int _added;

        public Spliced(Location newest, StepNode? previous, FlowTrace callee, int added)
            : base(newest, previous)
        {
            _callee = callee;
            _added = added;
        }

        public override int CopyTo(Location[] steps, int end, Location source)
        {
            var start = System.Math.Max(0, end - _added);
            var at = start;
            var last = Previous?.Step;
            Replay(_callee.SourceLocation);
            foreach (var step in _callee.Steps)
            {
                Replay(step);
            }

            return start;

            void Replay(Location step)
            {
                if (at == end || step == source || step == last) return;
                steps[at++] = step;
                last = step;
            }
        }
    }
}
