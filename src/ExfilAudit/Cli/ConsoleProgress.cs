using System;
using System.IO;

namespace ExfilAudit.Cli;

/// <summary>
/// One status line on the terminal, rewritten in place while long work runs (restore, decompilation,
/// analysis). It stays quiet when output goes to a file or a pipe, so logs hold only the report.
/// </summary>
internal sealed class ConsoleProgress
{
    private readonly TextWriter? _terminal;
    private int _lastLength;

    private ConsoleProgress(TextWriter? terminal)
    {
        _terminal = terminal;
    }

    public static ConsoleProgress Silent { get; } = new(null);

    public static ConsoleProgress ForConsole() =>
        Console.IsOutputRedirected || Console.IsErrorRedirected ? Silent : new ConsoleProgress(Console.Error);

    public void Report(string status)
    {
        if (_terminal is null)
        {
            return;
        }

        var width = Math.Max(20, SafeWindowWidth() - 1);
        var line = status.Length > width ? status.Substring(0, width - 1) + "…" : status;
        _terminal.Write("\r" + line.PadRight(_lastLength));
        _lastLength = line.Length;
    }

    public void Clear()
    {
        if (_terminal is null || _lastLength == 0)
        {
            return;
        }

        _terminal.Write("\r" + new string(' ', _lastLength) + "\r");
        _lastLength = 0;
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
