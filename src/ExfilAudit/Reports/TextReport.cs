using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ExfilAudit.Analysis;

namespace ExfilAudit.Reports;

/// <summary>
/// The report for people: findings grouped by rule, then by file, each with its flow from source to sink
/// and the line of code at each step; then a summary table.
/// </summary>
internal static class TextReport
{
    public static void Write(AuditResult result, TextWriter writer)
    {
        writer.WriteLine($"{ToolInfo.Name} {ToolInfo.Version}: {result.Input.Description}");
        foreach (var note in Notes(result))
        {
            writer.WriteLine("note: " + note);
        }

        writer.WriteLine();
        if (result.Findings.Count == 0)
        {
            writer.WriteLine("No findings.");
            writer.WriteLine();
        }

        foreach (var rule in result.Findings.GroupBy(f => f.RuleId))
        {
            writer.WriteLine($"{rule.Key} {rule.First().Title} ({rule.Count()})");
            foreach (var file in rule.GroupBy(f => f.Primary?.DisplayPath ?? "(no file)"))
            {
                writer.WriteLine("  " + file.Key);
                foreach (var finding in file)
                {
                    WriteFinding(writer, finding, file.Key, result.Sources);
                }
            }

            writer.WriteLine();
        }

        WriteSummary(writer, result);
    }

    private static void WriteFinding(TextWriter writer, Finding finding, string filePath, SourceLibrary sources)
    {
        var where = finding.Primary is { } primary ? $"{primary.StartLine}:{primary.StartColumn}" : "-";
        var suppressed = finding.SuppressedInSource ? " [suppressed in source]" : string.Empty;
        writer.WriteLine($"    {where} {Finding.SeverityName(finding.Severity)}: {finding.Message}{suppressed}");
        if (finding.Path.IsEmpty && finding.Primary is { } only)
        {
            writer.WriteLine($"      {sources.Line(only.FullPath, only.StartLine).Trim()}");
            return;
        }

        var roleWidth = finding.Path.Max(step => step.Role.Length);
        foreach (var step in finding.Path)
        {
            var spot = step.Spot;
            var place = spot.DisplayPath == filePath ? $"{spot.StartLine}:{spot.StartColumn}" : spot.ToString();
            writer.WriteLine($"      {step.Role.PadRight(roleWidth)}  {place,-7} {sources.Line(spot.FullPath, spot.StartLine).Trim()}");
        }
    }

    private static void WriteSummary(TextWriter writer, AuditResult result)
    {
        writer.WriteLine("Summary");
        var rows = result.Findings
            .GroupBy(f => (f.RuleId, f.Severity))
            .Select(g => (Rule: g.Key.RuleId, Severity: Finding.SeverityName(g.Key.Severity), Count: g.Count(), Title: g.First().Title))
            .ToList();
        if (rows.Count > 0)
        {
            writer.WriteLine($"  {"Rule",-8} {"Severity",-8} {"Count",5}  Title");
            foreach (var row in rows)
            {
                writer.WriteLine($"  {row.Rule,-8} {row.Severity,-8} {row.Count,5}  {row.Title}");
            }
        }

        var files = result.Findings.Select(f => f.Primary?.DisplayPath).Where(p => p is not null).Distinct().Count();
        var analysed = result.Units.Sum(u => u.Files);
        var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        writer.WriteLine($"  {Plural(result.Findings.Count, "finding")} in {Plural(files, "file")}; "
            + $"{Plural(result.Units.Count, "compilation")}, {Plural(analysed, "file")} analysed in {seconds} s");
    }

    private static IEnumerable<string> Notes(AuditResult result)
    {
        foreach (var note in result.Input.Notes)
        {
            yield return note;
        }

        foreach (var unit in result.Units)
        {
            if (unit.CompileErrors > 0)
            {
                yield return $"{unit.Name} has {Plural(unit.CompileErrors, "compile error")}; flows through code that does not bind may be missed";
            }

            foreach (var failure in unit.AnalyzerFailures)
            {
                yield return $"{unit.Name}: {failure}";
            }
        }

        if (result.KnownInBaseline > 0)
        {
            yield return $"{Plural(result.KnownInBaseline, "finding")} already in the baseline not shown";
        }

        if (result.BelowThreshold > 0)
        {
            yield return $"{Plural(result.BelowThreshold, "finding")} below the --severity threshold not shown";
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
