using System.Collections.Generic;

namespace ExfilAudit.Inputs;

/// <summary>A package dependency as its nuspec states it.</summary>
internal sealed record PackageDependency(string Id, string VersionRange);

/// <summary>An unzipped .nupkg or .vsix: the assemblies to audit, every assembly in it, and what it depends on.</summary>
internal sealed record PackageContents(
    string Directory,
    IReadOnlyList<string> AssembliesToAudit,
    IReadOnlyList<string> AllAssemblies,
    IReadOnlyList<PackageDependency> Dependencies);
