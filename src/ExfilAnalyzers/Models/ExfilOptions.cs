using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Models;

/// <summary>The exfil_analyzers.* options of one syntax tree, from .editorconfig and .globalconfig.</summary>
internal sealed class ExfilOptions
{
    public const string ReportGatedKey = "exfil_analyzers.report_gated";
    public const string LoggingIsTelemetryKey = "exfil_analyzers.logging_is_telemetry";
    public const string HashIsRedactionKey = "exfil_analyzers.hash_is_redaction";

    public static readonly ExfilOptions Default = new(false, false, true, ImmutableArray<string>.Empty);

    private ExfilOptions(bool reportGated, bool loggingIsTelemetry, bool hashIsRedaction, ImmutableArray<string> errors)
    {
        ReportGated = reportGated;
        LoggingIsTelemetry = loggingIsTelemetry;
        HashIsRedaction = hashIsRedaction;
        Errors = errors;
    }

    public bool ReportGated { get; }

    public bool LoggingIsTelemetry { get; }

    public bool HashIsRedaction { get; }

    /// <summary>Values that are neither true nor false, with what was used instead.</summary>
    public ImmutableArray<string> Errors { get; }

    public static ExfilOptions Read(AnalyzerConfigOptions options)
    {
        var errors = ImmutableArray<string>.Empty;
        var reportGated = ReadBool(options, ReportGatedKey, false, ref errors);
        var logging = ReadBool(options, LoggingIsTelemetryKey, false, ref errors);
        var hash = ReadBool(options, HashIsRedactionKey, true, ref errors);
        if (!reportGated && !logging && hash && errors.IsEmpty)
        {
            return Default;
        }

        return new ExfilOptions(reportGated, logging, hash, errors);
    }

    private static bool ReadBool(AnalyzerConfigOptions options, string key, bool defaultValue, ref ImmutableArray<string> errors)
    {
        if (!options.TryGetValue(key, out var text))
        {
            return defaultValue;
        }

        var trimmed = text.Trim();
        if (string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(trimmed, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        errors = errors.Add($"'{text}' is not a valid value for {key}; use true or false (using the default, {(defaultValue ? "true" : "false")})");
        return defaultValue;
    }
}
