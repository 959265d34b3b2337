namespace ExfilAnalyzers.Tests.Package;

/// <summary>How a command ended and everything it printed, for assertions and their messages.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The command and its output, to put in an assertion message.</summary>
    public string Describe() => $"$ {CommandLine}\n(exit code {ExitCode})\n{Output}";
}
