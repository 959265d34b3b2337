using System.IO;
using System.Threading.Tasks;
using ExfilAudit.Tests.Infrastructure;
using Xunit;

namespace ExfilAudit.Tests;

public class SourceFolderTests
{
    [Fact]
    public async Task A_folder_of_cs_files_without_a_project_is_compiled_and_analysed()
    {
        using var folder = new TempDirectory();
        folder.Write("src/Uploader.cs", LeakySources.Uploader);

        var outcome = await AuditHarness.RunAsync(folder.Path);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("(C# files without a project)", outcome.Stdout);
        Assert.Equal(1, outcome.CountOf("EXF1003"));
        Assert.Equal(1, outcome.CountOf("EXF1006"));
        Assert.Contains("  src/Uploader.cs\n", outcome.Stdout);
        Assert.Contains("source  13:20   var user = Environment.UserName;", outcome.Stdout);
        Assert.Contains("sink    15:68   await _client.PostAsync(\"https://collector.example.net/u\", body);", outcome.Stdout);
    }

    [Fact]
    public async Task Dlls_beside_the_sources_are_references()
    {
        using var folder = new TempDirectory();
        folder.Write("SymbolAgent.cs", LeakySources.SymbolAgent);
        foreach (var dependency in LeakyLibrary.Dependencies)
        {
            File.Copy(dependency, folder.Combine(Path.GetFileName(dependency)));
        }

        var outcome = await AuditHarness.RunAsync(folder.Path);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("Symbol name from 'ISymbol.Name' reaches 'TelemetryClient.TrackEvent'", outcome.Stdout);
        Assert.DoesNotContain("compile error", outcome.Stdout);
    }

    [Fact]
    public async Task Strict_turns_on_EXF1007_for_telemetry_without_a_consent_gate()
    {
        using var folder = new TempDirectory();
        folder.Write("SymbolAgent.cs", LeakySources.SymbolAgent);
        foreach (var dependency in LeakyLibrary.Dependencies)
        {
            File.Copy(dependency, folder.Combine(Path.GetFileName(dependency)));
        }

        var normal = await AuditHarness.RunAsync(folder.Path);
        var strict = await AuditHarness.RunAsync(folder.Path, "--strict");

        Assert.Equal(0, normal.CountOf("EXF1007"));
        Assert.True(strict.CountOf("EXF1007") == 1, strict.ToString());
        Assert.Contains("'TelemetryClient.TrackEvent' is not gated by a consent check", strict.Stdout);
    }

    [Fact]
    public async Task The_severity_threshold_leaves_out_findings_below_it_and_the_exit_code_follows()
    {
        using var folder = new TempDirectory();
        folder.Write("Uploader.cs", LeakySources.Uploader);

        var outcome = await AuditHarness.RunAsync(folder.Path, "--severity", "error");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("No findings.", outcome.Stdout);
        Assert.Contains("note: 2 findings below the --severity threshold not shown", outcome.Stdout);
    }

    [Fact]
    public async Task A_config_file_sets_rule_severities()
    {
        using var folder = new TempDirectory();
        folder.Write("code/Uploader.cs", LeakySources.Uploader);
        var config = folder.Write("audit.globalconfig", """
            is_global = true
            dotnet_diagnostic.EXF1003.severity = error
            dotnet_diagnostic.EXF1006.severity = none
            """);

        var outcome = await AuditHarness.RunAsync(folder.Combine("code"), "--config", config, "--severity", "error");

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("15:68 error: Repository metadata from 'Environment.UserName'", outcome.Stdout);
        Assert.Equal(0, outcome.CountOf("EXF1006"));
    }

    [Fact]
    public async Task A_models_file_of_any_name_declares_endpoints_and_its_bad_lines_point_at_it()
    {
        using var folder = new TempDirectory();
        folder.Write("code/Uploader.cs", LeakySources.Uploader);
        var models = folder.Write("audit-models.txt", """
            # the collector is where this vendor says data goes
            endpoint https://collector.example.net/
            sink-of-sorts M:Nothing
            """);

        var outcome = await AuditHarness.RunAsync(folder.Combine("code"), "--models", models);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Equal(1, outcome.CountOf("EXF1003"));
        Assert.Equal(0, outcome.CountOf("EXF1006"));
        Assert.Equal(1, outcome.CountOf("EXF0001"));
        Assert.Contains(models.Replace('\\', '/') + "\n    3:1 warning: ", outcome.Stdout.Replace('\\', '/'));
    }

    [Fact]
    public async Task Clean_code_exits_0()
    {
        using var folder = new TempDirectory();
        folder.Write("Greeter.cs", LeakySources.Clean);

        var outcome = await AuditHarness.RunAsync(folder.Path);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("No findings.", outcome.Stdout);
        Assert.Contains("0 findings in 0 files; 1 compilation, 1 file analysed", outcome.Stdout);
    }
}
