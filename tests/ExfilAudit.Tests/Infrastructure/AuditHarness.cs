using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAudit.Cli;

namespace ExfilAudit.Tests.Infrastructure;

/// <summary>What one run of exfil-audit printed and returned.</summary>
public sealed record AuditOutcome(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    /// <summary>The report lines that state a finding of a rule ("    15:62 warning: ...").</summary>
    public int CountOf(string ruleId) =>
        Stdout.Split('\n').SkipWhile(line => !line.StartsWith(ruleId + " ", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(line => line.Length > 0 && line.StartsWith(' '))
            .Count(line => line.Contains(" warning: ", StringComparison.Ordinal) || line.Contains(" error: ", StringComparison.Ordinal) || line.Contains(" info: ", StringComparison.Ordinal));
}

/// <summary>Runs the whole command in this process, as the tool's Main does, with its output captured.</summary>
public static class AuditHarness
{
    public static async Task<AuditOutcome> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var exitCode = await AuditApp.RunAsync(args, stdout, stderr, ConsoleProgress.Silent, timeout.Token);
        return new AuditOutcome(exitCode, stdout.ToString(), stderr.ToString());
    }
}
