using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Rules;

/// <summary>
/// Turns the engine's sink calls into diagnostics, as SPEC.md says: one per category per sink call at
/// the argument that carries it, the tactics on the same call, source and steps as additional locations.
/// The engine knows nothing of rule IDs; this is the only place that does.
/// </summary>
internal static class DiagnosticReporter
{
    /// <summary>Properties the code fixes read.</summary>
    public const string LabelProperty = "Label";
    public const string SinkApiProperty = "SinkApi";
    public const string SourceApiProperty = "SourceApi";
    public const string SinkKindProperty = "SinkKind";

    public static void Report(SinkCall call, ExfilOptions options, ModelCatalog catalog, Action<Diagnostic> report)
    {
        if (call.Kind == SinkKind.Logging && !options.LoggingIsTelemetry)
        {
            return;
        }

        var suppressedByGate = call.Gated && !options.ReportGated;
        if (!suppressedByGate)
        {
            foreach (var flow in call.Flows)
            {
                report(Diagnostic.Create(CategoryDescriptor(flow.Label), flow.Primary, Path(flow.Trace, flow.Primary),
                    Properties(call, flow), flow.Trace.SourceApi ?? "a parameter", call.Api));
            }

            if (call.Trigger is { } trigger && (trigger.Labels != TaintLabel.None))
            {
                var tested = FirstLabel(trigger.Labels);
                var locations = new List<Location>();
                if (trigger.TestedTrace is { } trace) locations.AddRange(Path(trace, call.Location));
                locations.Add(trigger.Location);
                report(Diagnostic.Create(ExfilDescriptors.ContentTriggeredTelemetry, call.Location, locations,
                    Properties(call, null), call.Api, tested.Phrase().ToLowerInvariant(), trigger.TestedTrace?.SourceApi ?? "a parameter"));
            }

            ReportObfuscation(call, report);
            ReportEndpoint(call, catalog, report);
        }

        var isTelemetry = call.Kind == SinkKind.Telemetry || (call.Kind == SinkKind.Logging && options.LoggingIsTelemetry);
        if (!call.IsCallSite && isTelemetry && !call.Gated)
        {
            report(Diagnostic.Create(ExfilDescriptors.UngatedTelemetry, call.Location, Properties(call, null), call.Api));
        }
    }

    private static void ReportObfuscation(SinkCall call, Action<Diagnostic> report)
    {
        foreach (var flow in call.Flows)
        {
            if (flow.Trace.Obfuscation != Obfuscation.None)
            {
                var locations = Path(flow.Trace, flow.Primary);
                report(Diagnostic.Create(ExfilDescriptors.ObfuscatedPayload, flow.Primary, locations, Properties(call, flow),
                    flow.Label.Phrase(), flow.Trace.SourceApi ?? "a parameter", flow.Trace.Obfuscation.Participle(), call.Api));
                return;
            }
        }
    }

    private static void ReportEndpoint(SinkCall call, ModelCatalog catalog, Action<Diagnostic> report)
    {
        if (!call.Kind.IsRawChannel() || call.Flows.IsEmpty)
        {
            return;
        }

        var destination = call.Destination;
        if (destination is { Decoded: false, KnownPrefix: { } prefix } && EndpointPolicy.IsDeclared(prefix, destination.IsComplete, catalog.Endpoints))
        {
            return;
        }

        var flow = call.Flows[0];
        var where = call.Kind == SinkKind.Dns ? "a host name that carries the data"
            : destination is null or { KnownPrefix: null } ? "a destination computed at run time"
            : destination.Decoded ? "a destination decoded from an obfuscated constant"
            : "'" + destination.KnownPrefix + (destination.IsComplete ? "'" : "...'");
        report(Diagnostic.Create(ExfilDescriptors.UndeclaredEndpoint, flow.Primary, Path(flow.Trace, flow.Primary), Properties(call, flow),
            flow.Label.Phrase(), flow.Trace.SourceApi ?? "a parameter", call.Api, where));
    }

    private static DiagnosticDescriptor CategoryDescriptor(TaintLabel label) => label switch
    {
        TaintLabel.SourceText => ExfilDescriptors.SourceTextReachesSink,
        TaintLabel.SymbolName => ExfilDescriptors.SymbolNameReachesSink,
        _ => ExfilDescriptors.RepositoryMetadataReachesSink,
    };

    private static TaintLabel FirstLabel(TaintLabel labels)
    {
        foreach (var label in TaintLabels.Each)
        {
            if ((labels & label) != 0) return label;
        }

        return TaintLabel.SourceText;
    }

    /// <summary>The source first, then the steps in order; the primary location is not repeated.</summary>
    private static List<Location> Path(FlowTrace trace, Location primary)
    {
        var locations = new List<Location>(trace.Steps.Length + 1);
        Add(trace.SourceLocation);
        foreach (var step in trace.Steps)
        {
            Add(step);
        }

        return locations;

        // One location a line: several steps on one line (a call, its encoding, the variable it
        // lands in) read as one step; a location seen before is not shown again.
        void Add(Location location)
        {
            if (!location.IsInSource || location == primary || locations.Contains(location)
                || (locations.Count > 0 && SameLine(locations[locations.Count - 1], location)))
            {
                return;
            }

            locations.Add(location);
        }
    }

    private static bool SameLine(Location a, Location b) =>
        a.SourceTree == b.SourceTree && a.GetLineSpan().StartLinePosition.Line == b.GetLineSpan().StartLinePosition.Line;

    private static ImmutableDictionary<string, string?> Properties(SinkCall call, LabelFlow? flow)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder[SinkApiProperty] = call.Api;
        builder[SinkKindProperty] = call.Kind.ToString();
        if (flow is not null)
        {
            builder[LabelProperty] = flow.Label.ToString();
            builder[SourceApiProperty] = flow.Trace.SourceApi;
        }

        return builder.ToImmutable();
    }
}
