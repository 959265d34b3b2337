using System.Collections.Generic;

namespace ExfilAudit.Inputs;

/// <summary>
/// What an input turned into: the compilations to analyse, the folder that reports make paths relative
/// to, and notes for the reader (where decompiled code went, what could not be resolved).
/// </summary>
internal sealed class LoadedInput
{
    public LoadedInput(string description, string rootDirectory)
    {
        Description = description;
        RootDirectory = rootDirectory;
    }

    public string Description { get; }

    public string RootDirectory { get; }

    public List<AuditUnit> Units { get; } = new();

    public List<string> Notes { get; } = new();
}
