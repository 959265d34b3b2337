using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>
/// Runs the dotnet CLI the way a user's terminal would, but isolated from the test run: no telemetry,
/// no MSBuild node or server reuse (a node left alive by a test would outlive it and could serve
/// stale state to the next build), no MSBuild variables inherited from the test host, and a timeout.
/// </summary>
internal static class DotnetCli
{
    private static readonly string Executable = FindExecutable();

    public static async Task<CommandResult> RunAsync(
        string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        Isolate(startInfo.Environment);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var commandLine = $"dotnet {string.Join(' ', startInfo.ArgumentList)}";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start: {commandLine}");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
            var partial = await standardOutput.ConfigureAwait(false) + await standardError.ConfigureAwait(false);
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s: {commandLine}\n{partial}");
        }

        var output = await standardOutput.ConfigureAwait(false) + await standardError.ConfigureAwait(false);
        return new CommandResult(commandLine, process.ExitCode, output);
    }

    private static void Isolate(IDictionary<string, string?> environment)
    {
        foreach (var name in new List<string>(environment.Keys))
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase))
            {
                environment.Remove(name);
            }
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
    }

    /// <summary>The dotnet host that runs this test, so the builds use the same SDK as the test run.</summary>
    private static string FindExecutable()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return processPath;
        }

        return "dotnet";
    }
}
