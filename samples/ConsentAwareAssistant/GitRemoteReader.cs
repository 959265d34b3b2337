using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace ConsentAwareAssistant;

/// <summary>Asks git where the user's repository lives.</summary>
internal static class GitRemoteReader
{
    public static async Task<string> ReadOriginUrlAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("git", "remote get-url origin")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };

        using var git = Process.Start(startInfo) ?? throw new InvalidOperationException("git could not be started");
        var output = await git.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await git.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return output.Trim();
    }
}
