using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>One ExfilAnalyzers diagnostic as MSBuild prints it: <c>file(line,col): warning EXF1003: message [project]</c>.</summary>
internal sealed record BuildDiagnostic(string FilePath, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex Format = new(
        @"^\s*(?<file>.+?)\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\): (?<severity>warning|error) (?<id>EXF\d{4}): (?<message>.*?)(?: \[[^\]]+\])?\s*$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public string FileName => Path.GetFileName(FilePath);

    /// <summary>Every distinct EXF diagnostic in the output (MSBuild may print one twice).</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output)
    {
        var diagnostics = new List<BuildDiagnostic>();
        foreach (Match match in Format.Matches(output))
        {
            var diagnostic = new BuildDiagnostic(
                match.Groups["file"].Value,
                int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value);
            if (!diagnostics.Contains(diagnostic))
            {
                diagnostics.Add(diagnostic);
            }
        }

        return diagnostics;
    }

    public override string ToString() => $"{FileName}({Line},{Column}): {Severity} {Id}: {Message}";
}
