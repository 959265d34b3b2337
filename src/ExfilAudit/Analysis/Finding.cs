using System;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ExfilAudit.Analysis;

/// <summary>A place in a file, 1-based as people count lines and columns.</summary>
internal sealed record SourceSpot(string FullPath, string DisplayPath, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public override string ToString() => $"{DisplayPath}:{StartLine}:{StartColumn}";
}

/// <summary>One step of a flow: where the data comes from, what it passes, where it is sent.</summary>
internal sealed record FlowStep(string Role, SourceSpot Spot)
{
    public const string Source = "source";
    public const string Step = "step";
    public const string Trigger = "trigger";
    public const string Sink = "sink";
}

/// <summary>A diagnostic of the analyzers, as the reports show it.</summary>
internal sealed record Finding(
    string RuleId,
    string Title,
    DiagnosticSeverity Severity,
    string Message,
    string? HelpUri,
    SourceSpot? Primary,
    ImmutableArray<FlowStep> Path,
    bool SuppressedInSource,
    string PrimaryLineText)
{
    /// <summary>
    /// Stays the same while the code around it moves: the rule, the file, the message and the text of the
    /// reported line, not the line number. A baseline matches findings by it.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            var normalizedLine = string.Join(" ", PrimaryLineText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var key = $"{RuleId}|{Primary?.DisplayPath}|{Message}|{normalizedLine}";
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16).ToLowerInvariant();
        }
    }

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
