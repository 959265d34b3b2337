using System.Collections.Immutable;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>The diagnostics each fix family fixes, by the analyzers' own descriptors.</summary>
internal static class ExfilIds
{
    private static readonly string UngatedTelemetry = ExfilDescriptors.UngatedTelemetry.Id;

    /// <summary>Diagnostics that a consent gate silences only while exfil_analyzers.report_gated is false (all but EXF1007).</summary>
    public static bool IsSilencedByGate(string id) => id != UngatedTelemetry;

    public static readonly ImmutableArray<string> Redactable = ImmutableArray.Create(
        ExfilDescriptors.SourceTextReachesSink.Id,
        ExfilDescriptors.SymbolNameReachesSink.Id,
        ExfilDescriptors.RepositoryMetadataReachesSink.Id,
        ExfilDescriptors.ObfuscatedPayload.Id,
        ExfilDescriptors.UndeclaredEndpoint.Id);

    public static readonly ImmutableArray<string> Gateable = ImmutableArray.Create(
        ExfilDescriptors.SourceTextReachesSink.Id,
        ExfilDescriptors.SymbolNameReachesSink.Id,
        ExfilDescriptors.RepositoryMetadataReachesSink.Id,
        ExfilDescriptors.ContentTriggeredTelemetry.Id,
        ExfilDescriptors.ObfuscatedPayload.Id,
        ExfilDescriptors.UndeclaredEndpoint.Id,
        UngatedTelemetry);
}
