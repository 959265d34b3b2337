using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using ExfilAudit.Analysis;
using Microsoft.CodeAnalysis;

namespace ExfilAudit.Reports;

/// <summary>
/// SARIF 2.1.0 for machines: one run, every rule in the driver, each finding with its sink as the location,
/// the flow's steps as relatedLocations and as one codeFlow, and a fingerprint for --baseline.
/// </summary>
internal static class SarifReport
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    public static void Write(AuditResult result, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json);
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SarifLocations.RootId);
        json.WriteString("uri", SarifLocations.RootUri(result.Input.RootDirectory));
        json.WriteEndObject();
        json.WriteEndObject();
        WriteInvocation(json, result);
        json.WriteStartArray("results");
        foreach (var finding in result.Findings)
        {
            WriteResult(json, finding, result.Sources);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    private static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var descriptor in ExfilRules.Descriptors)
        {
            json.WriteStartObject();
            json.WriteString("id", descriptor.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", descriptor.Title.ToString(CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", descriptor.Description.ToString(CultureInfo.InvariantCulture));
            json.WriteEndObject();
            if (!string.IsNullOrEmpty(descriptor.HelpLinkUri))
            {
                json.WriteString("helpUri", descriptor.HelpLinkUri);
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteBoolean("enabled", descriptor.IsEnabledByDefault);
            json.WriteString("level", Level(descriptor.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", descriptor.Category);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, AuditResult result)
    {
        var notes = new List<string>(result.Input.Notes);
        foreach (var unit in result.Units)
        {
            if (unit.CompileErrors > 0)
            {
                notes.Add($"{unit.Name} has {unit.CompileErrors} compile error(s); flows through code that does not bind may be missed");
            }

            notes.AddRange(unit.AnalyzerFailures);
        }

        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        if (notes.Count > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var note in notes)
            {
                json.WriteStartObject();
                json.WriteString("level", "note");
                json.WriteStartObject("message");
                json.WriteString("text", note);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, SourceLibrary sources)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ExfilRules.IndexOf(finding.RuleId));
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        if (finding.Primary is { } primary)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            SarifLocations.WritePhysical(json, primary);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (!finding.Path.IsEmpty)
        {
            WriteRelatedLocations(json, finding);
            WriteCodeFlow(json, finding, sources);
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(Baseline.FingerprintKey, finding.Fingerprint);
        json.WriteEndObject();
        if (finding.SuppressedInSource)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "inSource");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>The diagnostic's additional locations (source, steps, trigger), without the sink itself.</summary>
    private static void WriteRelatedLocations(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartArray("relatedLocations");
        var id = 0;
        foreach (var step in finding.Path)
        {
            if (step.Role == FlowStep.Sink)
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteNumber("id", id++);
            SarifLocations.WritePhysical(json, step.Spot);
            json.WriteStartObject("message");
            json.WriteString("text", step.Role);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteCodeFlow(Utf8JsonWriter json, Finding finding, SourceLibrary sources)
    {
        json.WriteStartArray("codeFlows");
        json.WriteStartObject();
        json.WriteStartArray("threadFlows");
        json.WriteStartObject();
        json.WriteStartArray("locations");
        var order = 0;
        foreach (var step in finding.Path)
        {
            json.WriteStartObject();
            json.WriteNumber("executionOrder", ++order);
            json.WriteStartObject("location");
            SarifLocations.WritePhysical(json, step.Spot);
            json.WriteStartObject("message");
            json.WriteString("text", $"{step.Role}: {sources.Line(step.Spot.FullPath, step.Spot.StartLine).Trim()}");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
