using System.Collections.Immutable;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>One label of sensitive data reaching a sink call: where it enters and the path it took.</summary>
internal sealed record LabelFlow(TaintLabel Label, Location Primary, FlowTrace Trace);

/// <summary>
/// A sink call as the engine saw it, whatever it sends: the facts that rules read. A call into a method
/// whose summary sends a parameter is a sink call too, at the call site, with the callee's sink as its API.
/// </summary>
internal sealed class SinkCall
{
    public SinkCall(SyntaxNode node, string api, SinkKind kind, bool gated, ConditionFact? trigger, EndpointFact? destination,
        ImmutableArray<LabelFlow> flows, bool isCallSite)
    {
        IsCallSite = isCallSite;
        Node = node;
        Api = api;
        Kind = kind;
        Gated = gated;
        Trigger = trigger;
        Destination = destination;
        Flows = flows;
    }

    public SyntaxNode Node { get; }

    public Location Location => Node.GetLocation();

    public string Api { get; }

    public SinkKind Kind { get; }

    /// <summary>A consent gate holds on every path to the call.</summary>
    public bool Gated { get; }

    /// <summary>A test of sensitive content holds on every path to the call (EXF1004).</summary>
    public ConditionFact? Trigger { get; }

    /// <summary>What is known of the destination of a raw channel (EXF1006); null when nothing is.</summary>
    public EndpointFact? Destination { get; }

    public ImmutableArray<LabelFlow> Flows { get; }

    /// <summary>A call into a method of this compilation whose summary reaches a sink: not itself a telemetry call.</summary>
    public bool IsCallSite { get; }

    /// <summary>The same call seen again (a loop, another visit): gates and triggers must hold every time; flows add up.</summary>
    public SinkCall Merge(SinkCall other)
    {
        var flows = Flows;
        foreach (var flow in other.Flows)
        {
            if (!Has(flows, flow.Label))
            {
                flows = flows.Add(flow);
            }
        }

        return new SinkCall(Node, Api, Kind, Gated && other.Gated, other.Trigger is null ? null : Trigger,
            EndpointFact.Join(Destination, other.Destination) ?? (Destination is null ? other.Destination : null), flows, IsCallSite && other.IsCallSite);
    }

    private static bool Has(ImmutableArray<LabelFlow> flows, TaintLabel label)
    {
        foreach (var flow in flows)
        {
            if (flow.Label == label) return true;
        }

        return false;
    }
}
