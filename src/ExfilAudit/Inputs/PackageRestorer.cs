using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ExfilAudit.Inputs;

/// <summary>
/// Restores packages the way `dotnet restore` does for the user, through the NuGet sources their
/// NuGet.config files name (read from the current folder up, as for a project there), into a private
/// packages folder; then reads which assemblies each package contributes from project.assets.json.
/// </summary>
internal static class PackageRestorer
{
    private const string TargetFramework = "net10.0";

    /// <summary>The restored packages: each one's folder, and the compile-time assemblies of all of them.</summary>
    public sealed record Result(IReadOnlyDictionary<string, string> PackageFolders, IReadOnlyList<string> CompileAssemblies);

    public static async Task<Result> RestoreAsync(IEnumerable<PackageDependency> packages, IEnumerable<string> extraSources, string workDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var project = Path.Combine(workDirectory, "restore.csproj");
        var packagesFolder = Path.Combine(workDirectory, "packages");
        await File.WriteAllTextAsync(project, ProjectText(packages, extraSources, packagesFolder), cancellationToken).ConfigureAwait(false);

        var (exitCode, output) = await DotnetCli.RunAsync(new[] { "restore", project }, workDirectory, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new AuditException($"restore of {string.Join(", ", packages.Select(p => p.Id + "@" + p.VersionRange))} failed: {DotnetCli.FirstError(output)}");
        }

        return ReadAssets(Path.Combine(workDirectory, "obj", "project.assets.json"));
    }

    private static string ProjectText(IEnumerable<PackageDependency> packages, IEnumerable<string> extraSources, string packagesFolder)
    {
        var text = new StringBuilder();
        text.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        text.AppendLine("  <PropertyGroup>");
        text.AppendLine($"    <TargetFramework>{TargetFramework}</TargetFramework>");
        // Nothing from the folders above the temp folder applies; the user's NuGet.config still does.
        text.AppendLine("    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>");
        text.AppendLine("    <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>");
        text.AppendLine("    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>");
        text.AppendLine("    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>");
        text.AppendLine($"    <RestoreRootConfigDirectory>{SecurityElement.Escape(Directory.GetCurrentDirectory())}</RestoreRootConfigDirectory>");
        text.AppendLine($"    <RestorePackagesPath>{SecurityElement.Escape(packagesFolder)}</RestorePackagesPath>");
        var sources = string.Join(";", extraSources.Select(s => Directory.Exists(s) ? Path.GetFullPath(s) : s));
        if (sources.Length > 0)
        {
            text.AppendLine($"    <RestoreAdditionalProjectSources>{SecurityElement.Escape(sources)}</RestoreAdditionalProjectSources>");
        }

        text.AppendLine("    <NoWarn>$(NoWarn);NU1603;NU1701;NU1608;NU1903;NU1902;NU1904</NoWarn>");
        text.AppendLine("  </PropertyGroup>");
        text.AppendLine("  <ItemGroup>");
        foreach (var package in packages)
        {
            text.AppendLine($"    <PackageReference Include=\"{SecurityElement.Escape(package.Id)}\" Version=\"{SecurityElement.Escape(package.VersionRange)}\" />");
        }

        text.AppendLine("  </ItemGroup>");
        text.AppendLine("</Project>");
        return text.ToString();
    }

    private static Result ReadAssets(string assetsPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(assetsPath));
        var root = document.RootElement;
        var packageRoot = root.GetProperty("packageFolders").EnumerateObject().First().Name;
        var folders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var library in root.GetProperty("libraries").EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() == "package")
            {
                var id = library.Name.Substring(0, library.Name.IndexOf('/'));
                folders[id] = Path.Combine(packageRoot, library.Value.GetProperty("path").GetString()!);
            }
        }

        var assemblies = new List<string>();
        foreach (var target in root.GetProperty("targets").EnumerateObject().First().Value.EnumerateObject())
        {
            var id = target.Name.Substring(0, target.Name.IndexOf('/'));
            if (!folders.TryGetValue(id, out var folder) || !target.Value.TryGetProperty("compile", out var compile))
            {
                continue;
            }

            foreach (var file in compile.EnumerateObject())
            {
                // "_._" marks a framework that needs no assembly from this package.
                if (file.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    assemblies.Add(Path.Combine(folder, file.Name));
                }
            }
        }

        return new Result(folders, assemblies);
    }
}
