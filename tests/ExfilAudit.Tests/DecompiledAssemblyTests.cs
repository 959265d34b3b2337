using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ExfilAudit.Tests.Infrastructure;
using Xunit;

namespace ExfilAudit.Tests;

[Collection(LeakyBinariesCollection.Name)]
public class DecompiledAssemblyTests
{
    private readonly LeakyBinaries _binaries;

    public DecompiledAssemblyTests(LeakyBinaries binaries)
    {
        _binaries = binaries;
    }

    [Fact]
    public async Task A_compiled_library_is_decompiled_and_its_leaks_are_found()
    {
        var outDirectory = _binaries.NewFolder("decompiled");

        var outcome = await AuditHarness.RunAsync(_binaries.DllPath, "--out", outDirectory);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Equal(1, outcome.CountOf("EXF1003"));
        Assert.Equal(1, outcome.CountOf("EXF1006"));
        Assert.Equal(1, outcome.CountOf("EXF1002"));
        Assert.Contains("Repository metadata from 'Environment.UserName' reaches 'HttpClient.PostAsync'", outcome.Stdout);
        Assert.Contains("Symbol name from 'ISymbol.Name' reaches 'TelemetryClient.TrackEvent'", outcome.Stdout);
        Assert.Contains($"Decompiled into {outDirectory} (--out)", outcome.Stdout);
        Assert.Equal(string.Empty, outcome.Stderr);
    }

    [Fact]
    public async Task Locations_point_into_the_decompiled_project_the_user_can_open()
    {
        var outDirectory = _binaries.NewFolder("decompiled");

        var outcome = await AuditHarness.RunAsync(_binaries.DllPath, "--out", outDirectory);

        var projectFile = Path.Combine(outDirectory, LeakyLibrary.AssemblyName, LeakyLibrary.AssemblyName + ".csproj");
        Assert.True(File.Exists(projectFile), outcome.ToString());
        var reported = outcome.Stdout.Split('\n').First(line => line.Trim().EndsWith("UsageReporter.cs", System.StringComparison.Ordinal)).Trim();
        var source = File.ReadAllLines(Path.Combine(outDirectory, reported));
        var sinkLine = outcome.Stdout.Split('\n').First(line => line.TrimStart().StartsWith("sink", System.StringComparison.Ordinal) && line.Contains("PostAsync"));
        var lineNumber = int.Parse(sinkLine.Trim().Split(' ', System.StringSplitOptions.RemoveEmptyEntries)[1].Split(':')[0]);
        Assert.Contains("PostAsync", source[lineNumber - 1]);
    }

    [Fact]
    public async Task By_default_the_project_is_written_beside_the_input_and_the_report_says_so()
    {
        using var directory = new TempDirectory();
        var dll = Path.Combine(directory.Path, Path.GetFileName(_binaries.DllPath));
        File.Copy(_binaries.DllPath, dll);

        var outcome = await AuditHarness.RunAsync(dll);

        var expected = Path.Combine(directory.Path, "ExfilAudit." + LeakyLibrary.AssemblyName);
        Assert.Contains($"Decompiled into {expected} (beside the input)", outcome.Stdout);
        Assert.True(Directory.Exists(Path.Combine(expected, LeakyLibrary.AssemblyName)), outcome.ToString());

        // Without Application Insights beside it, the TrackEvent call does not bind: the report says so.
        Assert.Equal(1, outcome.CountOf("EXF1003"));
        Assert.Contains("compile error", outcome.Stdout);
    }

    [Fact]
    public async Task Packages_named_in_the_deps_json_are_taken_from_the_local_NuGet_folder()
    {
        using var directory = new TempDirectory();
        var dll = Path.Combine(directory.Path, Path.GetFileName(_binaries.DllPath));
        File.Copy(_binaries.DllPath, dll);

        // A class library's bin folder: no dependencies beside it, only its deps.json. The tests' own
        // deps.json names Application Insights and Roslyn, which this machine's NuGet folder has.
        File.Copy(Path.Combine(System.AppContext.BaseDirectory, "ExfilAudit.Tests.deps.json"), Path.ChangeExtension(dll, ".deps.json"));

        var outcome = await AuditHarness.RunAsync(dll);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Matches("note: \\d+ references from the local NuGet packages folder, as Leaky.Telemetry.deps.json lists them", outcome.Stdout);
        Assert.Equal(1, outcome.CountOf("EXF1002"));
        Assert.DoesNotContain("compile error", outcome.Stdout);
    }
}
