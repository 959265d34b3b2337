using System.Collections.Immutable;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>The diagnostic IDs the fixes know, as SPEC.md fixes them.</summary>
internal static class ExfilIds
{
    public const string SourceText = "EXF1001";
    public const string SymbolName = "EXF1002";
    public const string RepositoryMetadata = "EXF1003";
    public const string KeywordTrigger = "EXF1004";
    public const string Obfuscation = "EXF1005";
    public const string UndeclaredEndpoint = "EXF1006";
    public const string UngatedTelemetry = "EXF1007";

    /// <summary>Diagnostics that a consent gate silences only while exfil_analyzers.report_gated is false.</summary>
    public static bool IsSilencedByGate(string id) => id != UngatedTelemetry;

    public static readonly ImmutableArray<string> Redactable =
        ImmutableArray.Create(SourceText, SymbolName, RepositoryMetadata, Obfuscation, UndeclaredEndpoint);

    public static readonly ImmutableArray<string> Gateable =
        ImmutableArray.Create(SourceText, SymbolName, RepositoryMetadata, KeywordTrigger, Obfuscation, UndeclaredEndpoint, UngatedTelemetry);
}
