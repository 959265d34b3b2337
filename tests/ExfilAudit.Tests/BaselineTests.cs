using System.IO;
using System.Threading.Tasks;
using ExfilAudit.Tests.Infrastructure;
using Xunit;

namespace ExfilAudit.Tests;

public class BaselineTests
{
    [Fact]
    public async Task Only_findings_that_are_not_in_the_baseline_are_reported()
    {
        using var folder = new TempDirectory();
        var code = folder.Combine("code");
        folder.Write("code/Uploader.cs", LeakySources.Uploader);
        var baseline = folder.Combine("baseline.sarif");
        var first = await AuditHarness.RunAsync(code, "--sarif", baseline);
        Assert.True(first.ExitCode == 1, first.ToString());

        // The known leak moves down two lines; a new one arrives in another file.
        folder.Write("code/Uploader.cs", "// moved\n// down\n" + LeakySources.Uploader);
        folder.Write("code/MachineReporter.cs", LeakySources.MachineReporter);
        var second = await AuditHarness.RunAsync(code, "--baseline", baseline);

        Assert.True(second.ExitCode == 1, second.ToString());
        Assert.Contains("note: 2 findings already in the baseline not shown", second.Stdout);
        Assert.Contains("  MachineReporter.cs\n", second.Stdout);
        Assert.DoesNotContain("  Uploader.cs\n", second.Stdout);
        Assert.Equal(1, second.CountOf("EXF1003"));
    }

    [Fact]
    public async Task Nothing_new_since_the_baseline_exits_0()
    {
        using var folder = new TempDirectory();
        folder.Write("code/Uploader.cs", LeakySources.Uploader);
        var baseline = folder.Combine("baseline.sarif");
        await AuditHarness.RunAsync(folder.Combine("code"), "--sarif", baseline);

        var again = await AuditHarness.RunAsync(folder.Combine("code"), "--baseline", baseline);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("No findings.", again.Stdout);
    }

    [Fact]
    public async Task A_baseline_that_is_not_SARIF_is_one_line_and_exit_code_2()
    {
        using var folder = new TempDirectory();
        folder.Write("code/Uploader.cs", LeakySources.Uploader);
        var baseline = folder.Write("baseline.sarif", "{ \"not\": \"sarif\" }");

        var outcome = await AuditHarness.RunAsync(folder.Combine("code"), "--baseline", baseline);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"exfil-audit: baseline {baseline} is not a SARIF report", outcome.Stderr);
        Assert.Single(outcome.Stderr.TrimEnd().Split('\n'));
    }
}
