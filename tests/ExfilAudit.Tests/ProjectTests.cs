using System.Threading.Tasks;
using ExfilAudit.Tests.Infrastructure;
using Xunit;

namespace ExfilAudit.Tests;

/// <summary>Projects and solutions, read by MSBuildWorkspace with the installed SDK, restored on the way.</summary>
public class ProjectTests
{
    [Fact]
    public async Task A_csproj_is_restored_loaded_and_analysed()
    {
        using var folder = new TempDirectory();
        var project = folder.Write("Sample/Sample.csproj", LeakySources.Project);
        folder.Write("Sample/Uploader.cs", LeakySources.Uploader);

        var outcome = await AuditHarness.RunAsync(project);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("Sample.csproj (MSBuild)", outcome.Stdout);
        Assert.Equal(1, outcome.CountOf("EXF1003"));
        Assert.Contains("  Uploader.cs\n", outcome.Stdout);
    }

    [Fact]
    public async Task A_folder_holding_one_slnx_is_that_solution()
    {
        using var folder = new TempDirectory();
        folder.Write("Leaky/Leaky.csproj", LeakySources.Project);
        folder.Write("Leaky/Uploader.cs", LeakySources.Uploader);
        folder.Write("Clean/Clean.csproj", LeakySources.Project);
        folder.Write("Clean/Greeter.cs", LeakySources.Clean);
        folder.Write("All.slnx", """
            <Solution>
              <Project Path="Leaky/Leaky.csproj" />
              <Project Path="Clean/Clean.csproj" />
            </Solution>
            """);

        var outcome = await AuditHarness.RunAsync(folder.Path);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.Contains("All.slnx (MSBuild)", outcome.Stdout);
        Assert.Contains("  Leaky/Uploader.cs\n", outcome.Stdout);
        Assert.Contains("; 2 compilations, ", outcome.Stdout);
    }

    [Fact]
    public async Task A_project_whose_restore_fails_is_one_line_and_exit_code_2()
    {
        using var folder = new TempDirectory();
        var project = folder.Write("Broken/Broken.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ExfilAudit.Tests.NoSuchPackage" Version="9.9.9" />
              </ItemGroup>
            </Project>
            """);
        folder.Write("Broken/NuGet.config", $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="empty" value="{folder.Combine("empty-feed")}" />
              </packageSources>
            </configuration>
            """);
        System.IO.Directory.CreateDirectory(folder.Combine("empty-feed"));

        var outcome = await AuditHarness.RunAsync(project);

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("exfil-audit: restore of Broken.csproj failed: ", line);
        Assert.Contains("NU1101", line);
    }
}
