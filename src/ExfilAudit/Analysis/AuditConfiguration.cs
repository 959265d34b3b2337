using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using ExfilAudit.Cli;
using ExfilAudit.Inputs;
using Microsoft.CodeAnalysis;

namespace ExfilAudit.Analysis;

/// <summary>
/// The configuration of one audit, from the command line alone: the options the analyzers read, the
/// severity of each rule, and the user's models file. The audited code's own .editorconfig, NoWarn and
/// warnings-as-errors settings do not apply: code under audit does not get to silence its auditor.
/// </summary>
internal sealed class AuditConfiguration
{
    public const string ReportGatedKey = "exfil_analyzers.report_gated";
    private const string SeverityPrefix = "dotnet_diagnostic.";
    private const string SeveritySuffix = ".severity";
    private const string UngatedTelemetryId = "EXF1007";

    private AuditConfiguration(ImmutableDictionary<string, string> analyzerOptions, ImmutableDictionary<string, ReportDiagnostic> severities, ModelsText? models)
    {
        AnalyzerOptions = analyzerOptions;
        Severities = severities;
        Models = models;
    }

    /// <summary>exfil_analyzers.* keys with their values, for every file.</summary>
    public ImmutableDictionary<string, string> AnalyzerOptions { get; }

    /// <summary>The severity set for a rule; rules not named keep their default, EXF1007 stays off.</summary>
    public ImmutableDictionary<string, ReportDiagnostic> Severities { get; }

    public ModelsText? Models { get; }

    public static AuditConfiguration From(AuditOptions options)
    {
        var analyzerOptions = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        var severities = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>(StringComparer.OrdinalIgnoreCase);
        if (options.ConfigFile is { } configFile)
        {
            ReadConfig(configFile, analyzerOptions, severities);
        }

        if (options.Strict)
        {
            analyzerOptions[ReportGatedKey] = "true";
            if (!severities.TryGetValue(UngatedTelemetryId, out var set) || set is ReportDiagnostic.Suppress or ReportDiagnostic.Default)
            {
                severities[UngatedTelemetryId] = ReportDiagnostic.Warn;
            }
        }

        return new AuditConfiguration(analyzerOptions.ToImmutable(), severities.ToImmutable(), ModelsFrom(options.ModelsFile));
    }

    /// <summary>The compilation options under which the analyzers run, with this audit's rule severities.</summary>
    public CompilationOptions Apply(CompilationOptions options, IEnumerable<string> ruleIds)
    {
        var specific = options.SpecificDiagnosticOptions;
        foreach (var id in ruleIds)
        {
            specific = Severities.TryGetValue(id, out var severity)
                ? specific.SetItem(id, severity)
                : specific.Remove(id);
        }

        return options
            .WithSpecificDiagnosticOptions(specific)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Default)
            .WithSyntaxTreeOptionsProvider(null);
    }

    private static ModelsText? ModelsFrom(string? path)
    {
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new AuditException($"no such models file: {path}");
        }

        // The analyzers take a models file by its name, ExfilModels.txt; another name gets an alias path.
        var seen = ModelsText.IsModelsFile(full) ? full : Path.Combine(full + ".models", ModelsText.FileName);
        return new ModelsText(full, seen);
    }

    private static void ReadConfig(string path, IDictionary<string, string> analyzerOptions, IDictionary<string, ReportDiagnostic> severities)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditException($"cannot read config file {path}: {e.Message}");
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] is '#' or ';' or '[')
            {
                continue; // comments and section headers: every key applies to every file
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                throw new AuditException($"{Path.GetFileName(path)}({i + 1}): expected 'key = value', got '{line}'");
            }

            var key = line.Substring(0, equals).Trim();
            var value = line.Substring(equals + 1).Trim();
            if (key.StartsWith(SeverityPrefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(SeveritySuffix, StringComparison.OrdinalIgnoreCase))
            {
                var id = key.Substring(SeverityPrefix.Length, key.Length - SeverityPrefix.Length - SeveritySuffix.Length);
                severities[id] = ParseSeverity(value, path, i + 1);
            }
            else
            {
                analyzerOptions[key] = value;
            }
        }
    }

    private static ReportDiagnostic ParseSeverity(string value, string path, int line) => value.ToLowerInvariant() switch
    {
        "error" => ReportDiagnostic.Error,
        "warning" => ReportDiagnostic.Warn,
        "suggestion" => ReportDiagnostic.Info,
        "silent" => ReportDiagnostic.Hidden,
        "none" => ReportDiagnostic.Suppress,
        "default" => ReportDiagnostic.Default,
        _ => throw new AuditException($"{Path.GetFileName(path)}({line}): severity '{value}' is not one of error, warning, suggestion, silent, none, default"),
    };
}
