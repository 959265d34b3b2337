using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ExfilAnalyzers.Benchmarks.Measurement;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Benchmarks.Report;

/// <summary>Every finding of ours on the real corpus, with the line it points at: the input of the triage in docs/validation.md.</summary>
internal static class FindingsList
{
    /// <summary>Steps of each path shown: enough to follow a flow across a few methods.</summary>
    private const int MaxSteps = 16;

    public static string Write(IEnumerable<ProjectResult> projects, AnalyzerSuite ours)
    {
        var text = new StringBuilder("# ExfilAnalyzers findings on the real corpus\n\n");
        foreach (var project in projects)
        {
            var findings = project.For(ours)!.Findings
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ToList();
            text.AppendLine($"## {project.Project.Name}: {findings.Count} findings").AppendLine();
            foreach (var finding in findings)
            {
                Write(text, finding);
            }
        }

        return text.ToString();
    }

    private static void Write(StringBuilder text, Diagnostic finding)
    {
        var span = finding.Location.GetLineSpan();
        var line = span.StartLinePosition.Line + 1;
        text.Append(CultureInfo.InvariantCulture, $"- {finding.Id} `{span.Path}:{line}`: {finding.GetMessage(CultureInfo.InvariantCulture)}\n");
        text.Append("  `").Append(LineText(finding.Location).Trim()).AppendLine("`");
        foreach (var step in finding.AdditionalLocations.Take(MaxSteps))
        {
            var stepSpan = step.GetLineSpan();
            text.Append(CultureInfo.InvariantCulture, $"  - from `{stepSpan.Path}:{stepSpan.StartLinePosition.Line + 1}`: `{LineText(step).Trim()}`\n");
        }
    }

    private static string LineText(Location location)
    {
        if (location.SourceTree is not { } tree)
        {
            return string.Empty;
        }

        var text = tree.GetText();
        var line = text.Lines.GetLineFromPosition(location.SourceSpan.Start).ToString();
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
