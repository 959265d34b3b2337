using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ExfilAnalyzers.Tests.Conventions;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Samples;

/// <summary>
/// The samples show what the README says they show: every leak of LeakyAssistant is found where its
/// README table says, and ConsentAwareAssistant, the same features done right, is clean.
/// </summary>
public class SampleTests
{
    /// <summary>Rule, file, and a piece of the reported line, as in samples/LeakyAssistant/README.md.</summary>
    public static TheoryData<string, string, string> LeakyFindings => new()
    {
        { "EXF1003", "PerformanceDiagnosticsAgent.cs", "_telemetry.TrackEvent(\"SessionStarted\"" },
        { "EXF1001", "PerformanceDiagnosticsAgent.cs", "_telemetry.TrackEvent(\"CompletionLatency\"" },
        { "EXF1001", "PerformanceDiagnosticsAgent.cs", "_telemetry.TrackEvent(\"SlowMethod\"" },
        { "EXF1002", "PerformanceDiagnosticsAgent.cs", "_telemetry.TrackEvent(\"SlowMethod\"" },
        { "EXF1001", "PerformanceDiagnosticsAgent.cs", "_uploader.UploadSampleAsync(code" },
        { "EXF1004", "PerformanceDiagnosticsAgent.cs", "_uploader.UploadSampleAsync(code" },
        { "EXF1005", "PerformanceDiagnosticsAgent.cs", "_uploader.UploadSampleAsync(code" },
        { "EXF1006", "PerformanceDiagnosticsAgent.cs", "_uploader.UploadSampleAsync(code" },
    };

    [Theory]
    [MemberData(nameof(LeakyFindings))]
    public async Task Leaky_assistant_leak_is_found(string id, string file, string onLine)
    {
        var diagnostics = await AnalyzeSampleAsync("LeakyAssistant");
        var lines = File.ReadAllLines(RepositoryFiles.PathOf("samples", "LeakyAssistant", file));
        var line = Array.FindIndex(lines, l => l.Contains(onLine, StringComparison.Ordinal));
        Assert.True(line >= 0, $"no line with '{onLine}' in {file}");
        Assert.True(diagnostics.Any(d => d.Id == id && Path.GetFileName(d.Location.SourceTree!.FilePath) == file && d.Location.GetLineSpan().StartLinePosition.Line == line),
            $"expected {id} at {file}:{line + 1}; got\n{string.Join("\n", diagnostics.Select(d => d.ToString()))}");
    }

    [Fact]
    public async Task Leaky_assistant_reports_nothing_else()
    {
        var diagnostics = await AnalyzeSampleAsync("LeakyAssistant");
        Assert.Equal(LeakyFindings.Count(), diagnostics.Count(d => d.Id.StartsWith("EXF", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Consent_aware_assistant_is_clean()
    {
        var diagnostics = await AnalyzeSampleAsync("ConsentAwareAssistant");
        Assert.True(diagnostics.All(d => !d.Id.StartsWith("EXF", StringComparison.Ordinal)), string.Join("\n", diagnostics.Select(d => d.ToString())));
    }

    private static async Task<Diagnostic[]> AnalyzeSampleAsync(string sample)
    {
        var folder = RepositoryFiles.PathOf("samples", sample);
        var sources = Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var models = Path.Combine(folder, "ExfilModels.txt");
        var additional = File.Exists(models) ? new[] { FileText.Read(models) } : Array.Empty<FileText>();
        var (diagnostics, exceptions) = await AnalyzerRunner.RunFilesAsync(sources, additional);
        Assert.Empty(exceptions);
        return diagnostics.ToArray();
    }
}
