using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ExfilAudit.Analysis;
using ExfilAudit.Reports;

namespace ExfilAudit.Cli;

/// <summary>
/// The whole command: parse, audit, report, and map the outcome to an exit code. Every failure ends as one
/// line on stderr; set EXFIL_AUDIT_DEBUG=1 to see the stack trace of an unexpected one.
/// </summary>
internal static class AuditApp
{
    public const int Clean = 0;
    public const int FindingsReported = 1;
    public const int Failed = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, ConsoleProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            var options = CommandLine.Parse(args);
            if (options.ShowHelp)
            {
                stdout.WriteLine(CommandLine.Usage);
                return Clean;
            }

            if (options.ShowVersion)
            {
                stdout.WriteLine(ToolInfo.Version);
                return Clean;
            }

            AuditResult result;
            try
            {
                result = await AuditRunner.RunAsync(options, progress.Report, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                progress.Clear();
            }

            TextReport.Write(result, stdout);
            if (options.SarifFile is { } sarif)
            {
                WriteFile(sarif, stream => SarifReport.Write(result, stream));
                stdout.WriteLine($"SARIF report: {Path.GetFullPath(sarif)}");
            }

            if (options.HtmlFile is { } html)
            {
                WriteFile(html, stream =>
                {
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                    HtmlReport.Write(result, writer);
                });
                stdout.WriteLine($"HTML report: {Path.GetFullPath(html)}");
            }

            return result.Findings.Count > 0 ? FindingsReported : Clean;
        }
        catch (AuditException e)
        {
            stderr.WriteLine($"{ToolInfo.Name}: {e.Message}");
            return Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine($"{ToolInfo.Name}: cancelled");
            return Failed;
        }
        catch (Exception e)
        {
            var detail = Environment.GetEnvironmentVariable("EXFIL_AUDIT_DEBUG") == "1" ? e.ToString() : FirstLine(e.Message);
            stderr.WriteLine($"{ToolInfo.Name}: unexpected {e.GetType().Name}: {detail}");
            return Failed;
        }
    }

    private static void WriteFile(string path, Action<Stream> write)
    {
        try
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var stream = File.Create(full);
            write(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditException($"cannot write {path}: {e.Message}");
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end);
    }
}
