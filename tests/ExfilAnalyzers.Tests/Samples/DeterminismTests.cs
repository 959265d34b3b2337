using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ExfilAnalyzers.Tests.Conventions;
using ExfilAnalyzers.Tests.Verifiers;
using Xunit;

namespace ExfilAnalyzers.Tests.Samples;

/// <summary>
/// Regression: a reported method's summary (parameters clean) was once served to a caller that
/// needed the normal one, depending on which the analyzer driver happened to analyse first. The
/// same project, analysed again and again with concurrent analysis, must give the same diagnostics.
/// </summary>
public class DeterminismTests
{
    [Fact]
    public async Task Repeated_concurrent_analysis_of_a_sample_gives_the_same_diagnostics()
    {
        var folder = RepositoryFiles.PathOf("samples", "LeakyAssistant");
        var sources = Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToList();
        string? first = null;
        for (var run = 0; run < 8; run++)
        {
            var (diagnostics, exceptions) = await AnalyzerRunner.RunFilesAsync(sources);
            Assert.Empty(exceptions);
            var text = string.Join("\n", diagnostics.Select(d => d + " " + string.Join(",", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()))).OrderBy(s => s, StringComparer.Ordinal));
            first ??= text;
            Assert.Equal(first, text);
        }

        Assert.Contains("EXF1005", first);
    }
}
