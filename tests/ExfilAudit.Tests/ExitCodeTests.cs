using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using ExfilAudit.Tests.Infrastructure;
using Xunit;

namespace ExfilAudit.Tests;

/// <summary>Exit codes 0, 1, 2, and failures that are one line, never a stack trace.</summary>
public class ExitCodeTests
{
    [Fact]
    public async Task A_path_that_does_not_exist_is_one_line_and_exit_code_2()
    {
        var outcome = await AuditHarness.RunAsync("/no/such/place/Plugin.dll");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("exfil-audit: no such file or folder: /no/such/place/Plugin.dll", outcome.Stderr.TrimEnd());
        Assert.Equal(string.Empty, outcome.Stdout);
    }

    [Fact]
    public async Task A_dll_that_is_not_an_assembly_is_one_line_and_exit_code_2()
    {
        using var folder = new TempDirectory();
        var fake = folder.Write("Plugin.dll", "this is text, not a portable executable");

        var outcome = await AuditHarness.RunAsync(fake);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("exfil-audit: Plugin.dll is not a .NET assembly", outcome.Stderr.TrimEnd());
    }

    [Fact]
    public async Task A_native_binary_is_one_line_and_exit_code_2()
    {
        using var folder = new TempDirectory();
        var native = folder.Combine("native.exe");
        File.Copy(Environment.ProcessPath!, native); // the test host: an ELF, Mach-O or native PE file, never IL

        var outcome = await AuditHarness.RunAsync(native);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("exfil-audit: native.exe is not a .NET assembly", outcome.Stderr);
        Assert.Single(outcome.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task An_unknown_option_or_a_missing_input_is_one_line_and_exit_code_2()
    {
        var unknown = await AuditHarness.RunAsync(".", "--frobnicate");
        var nothing = await AuditHarness.RunAsync();

        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal("exfil-audit: unknown option '--frobnicate'; see exfil-audit --help", unknown.Stderr.TrimEnd());
        Assert.Equal(2, nothing.ExitCode);
        Assert.StartsWith("exfil-audit: nothing to audit", nothing.Stderr);
    }

    [Fact]
    public async Task Help_exits_0_and_names_every_option()
    {
        var outcome = await AuditHarness.RunAsync("--help");

        Assert.Equal(0, outcome.ExitCode);
        foreach (var option in new[] { "--package", "--models", "--strict", "--severity", "--baseline", "--sarif", "--html", "--out" })
        {
            Assert.Contains(option, outcome.Stdout);
        }
    }

    /// <summary>The real executable, its output redirected: no progress noise, no stack trace, the right code.</summary>
    [Fact]
    public async Task The_tool_process_reports_and_exits_like_the_command()
    {
        using var folder = new TempDirectory();
        folder.Write("Uploader.cs", LeakySources.Uploader);

        var leaky = await RunToolAsync(folder.Path);
        var missing = await RunToolAsync(folder.Combine("missing.csproj"));

        Assert.True(leaky.ExitCode == 1, leaky.ToString());
        Assert.Contains("EXF1003 Repository metadata reaches a telemetry sink (1)", leaky.Stdout);
        Assert.Equal(string.Empty, leaky.Stderr);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal($"exfil-audit: no such file or folder: {folder.Combine("missing.csproj")}", missing.Stderr.TrimEnd());
    }

    private static async Task<AuditOutcome> RunToolAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ExfilAudit.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new AuditOutcome(process.ExitCode, await stdout, await stderr);
    }
}
