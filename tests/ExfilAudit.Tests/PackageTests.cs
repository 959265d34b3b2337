using System.IO;
using System.Threading.Tasks;
using ExfilAudit.Tests.Infrastructure;
using Xunit;

namespace ExfilAudit.Tests;

[Collection(LeakyBinariesCollection.Name)]
public class PackageTests
{
    private readonly LeakyBinaries _binaries;

    public PackageTests(LeakyBinaries binaries)
    {
        _binaries = binaries;
    }

    [Fact]
    public async Task A_nupkg_is_unzipped_its_dependencies_restored_and_its_leaks_found_by_decompilation()
    {
        var outDirectory = _binaries.NewFolder("nupkg");

        var outcome = await AuditHarness.RunAsync(_binaries.NupkgPath, "--out", outDirectory);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Equal(1, outcome.CountOf("EXF1003"));
        Assert.Equal(1, outcome.CountOf("EXF1006"));
        // TrackEvent binds only because the nuspec's dependencies were restored.
        Assert.Equal(1, outcome.CountOf("EXF1002"));
        Assert.Matches(@"(?m)^  Leaky\.Telemetry/.*UsageReporter\.cs$", outcome.Stdout.Replace('\\', '/'));
        Assert.True(File.Exists(Path.Combine(outDirectory, "package", "lib", "net8.0", LeakyLibrary.AssemblyName + ".dll")));
    }

    [Fact]
    public async Task A_package_by_id_is_restored_through_nuget_and_audited()
    {
        var outDirectory = _binaries.NewFolder("restored"); // else a folder under the temp folder, left for the user

        var outcome = await AuditHarness.RunAsync("--package", $"{LeakyLibrary.AssemblyName}@{LeakyLibrary.Version}", "--source", _binaries.FeedDirectory, "--out", outDirectory);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Equal(1, outcome.CountOf("EXF1003"));
        Assert.Equal(1, outcome.CountOf("EXF1002"));
        Assert.Contains($"Restored and decompiled into {outDirectory}", outcome.Stdout);
    }

    [Fact]
    public async Task A_package_that_cannot_be_restored_is_one_line_and_exit_code_2()
    {
        using var emptyFeed = new TempDirectory();

        var outcome = await AuditHarness.RunAsync("--package", "ExfilAudit.Tests.NoSuchPackage@9.9.9", "--source", emptyFeed.Path, "--out", emptyFeed.Combine("out"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(string.Empty, outcome.Stdout);
        var line = Assert.Single(outcome.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("exfil-audit: restore of ExfilAudit.Tests.NoSuchPackage@[9.9.9] failed: ", line);
        Assert.Contains("NU1101", line);
    }

    [Fact]
    public async Task A_zip_that_is_not_a_package_is_one_line_and_exit_code_2()
    {
        using var directory = new TempDirectory();
        var fake = directory.Write("fake.nupkg", "not a zip");

        var outcome = await AuditHarness.RunAsync(fake);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("exfil-audit: fake.nupkg is not a valid package (not a zip archive)", outcome.Stderr.TrimEnd());
    }
}
