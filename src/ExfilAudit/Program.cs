using System;
using System.Threading;
using System.Threading.Tasks;
using ExfilAudit.Cli;

namespace ExfilAudit;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // finish with the one-line message and exit code 2
            cancellation.Cancel();
        };
        return await AuditApp.RunAsync(args, Console.Out, Console.Error, ConsoleProgress.ForConsole(), cancellation.Token).ConfigureAwait(false);
    }
}
