using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ExfilAnalyzers.Benchmarks.Inputs;

/// <summary>A package as NuGet laid it out in its global packages folder.</summary>
internal sealed record DownloadedPackage(string Id, string Version, PackageRole Role, string PackageRoot)
{
    public string Folder => Path.Combine(PackageRoot, Id.ToLowerInvariant(), Version.ToLowerInvariant());

    public string DisplayName => $"{Id} {Version}";

    /// <summary>
    /// The assemblies a .NET 10 project would compile against: those of the best lib/ folder, or, for an
    /// analyzer package, of its analyzers/dotnet folder for the newest Roslyn up to 4.8 (our own floor).
    /// </summary>
    public IReadOnlyList<string> Assemblies()
    {
        var lib = Path.Combine(Folder, "lib");
        if (Directory.Exists(lib))
        {
            var best = Directory.GetDirectories(lib)
                .Select(d => (Folder: d, Rank: TargetFrameworkPreference.Of(Path.GetFileName(d))))
                .Where(c => c.Rank > 0)
                .OrderByDescending(c => c.Rank)
                .Select(c => c.Folder)
                .FirstOrDefault();
            return best is null ? Array.Empty<string>() : Directory.GetFiles(best, "*.dll");
        }

        var analyzers = Path.Combine(Folder, "analyzers", "dotnet");
        if (Directory.Exists(analyzers))
        {
            var roslyn = Directory.GetDirectories(analyzers, "roslyn*")
                .Select(d => (Folder: d, Version: System.Version.TryParse(Path.GetFileName(d)["roslyn".Length..], out var v) ? v : null))
                .Where(c => c.Version is not null && c.Version <= new System.Version(4, 8))
                .OrderByDescending(c => c.Version)
                .Select(c => Path.Combine(c.Folder, "cs"))
                .FirstOrDefault() ?? Path.Combine(analyzers, "cs");
            return Directory.Exists(roslyn) ? Directory.GetFiles(roslyn, "*.dll") : Array.Empty<string>();
        }

        return Array.Empty<string>();
    }
}
