using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ExfilAudit.Cli;

/// <summary>What the command line asked for.</summary>
internal sealed class AuditOptions
{
    /// <summary>A .sln, .slnx, .csproj, folder, .dll, .exe, .nupkg or .vsix; null with <see cref="Package"/>.</summary>
    public string? InputPath { get; set; }

    /// <summary>Id@Version of a NuGet package to restore and audit.</summary>
    public string? Package { get; set; }

    /// <summary>Extra NuGet sources for --package and for a package's dependencies.</summary>
    public List<string> Sources { get; } = new();

    public string? ModelsFile { get; set; }

    /// <summary>A .globalconfig-style file of exfil_analyzers.* and dotnet_diagnostic.EXFnnnn.severity keys.</summary>
    public string? ConfigFile { get; set; }

    public bool Strict { get; set; }

    public DiagnosticSeverity MinimumSeverity { get; set; } = DiagnosticSeverity.Info;

    public string? BaselineFile { get; set; }

    public string? SarifFile { get; set; }

    public string? HtmlFile { get; set; }

    /// <summary>Where decompiled projects go.</summary>
    public string? OutDirectory { get; set; }

    /// <summary>Skip the restore a project input would otherwise get when it has never been restored.</summary>
    public bool NoRestore { get; set; }

    public bool ShowHelp { get; set; }

    public bool ShowVersion { get; set; }
}
