using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace ExfilAudit.Inputs;

/// <summary>
/// Reads .nupkg and .vsix files, which are zip archives. From a NuGet package it audits the best library
/// folder for this runtime plus anything under tools/ and analyzers/ (the code that runs in a build or an
/// IDE); from a VSIX, every assembly.
/// </summary>
internal static class PackageArchive
{
    public static PackageContents Extract(string archivePath, string targetDirectory)
    {
        try
        {
            // ExtractToDirectory refuses entries that would land outside the target folder.
            ZipFile.ExtractToDirectory(archivePath, targetDirectory, overwriteFiles: true);
        }
        catch (InvalidDataException)
        {
            throw new AuditException($"{Path.GetFileName(archivePath)} is not a valid package (not a zip archive)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditException($"cannot unzip {archivePath}: {e.Message}");
        }

        return Read(targetDirectory, archivePath.EndsWith(".vsix", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads an unzipped package, such as one in a NuGet packages folder.</summary>
    public static PackageContents Read(string directory, bool isVsix)
    {
        var all = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(IsAssemblyFile)
            .Where(ManagedAssembly.IsManaged)
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        var audited = isVsix ? all : NuGetAssemblies(directory, all);
        var unique = audited
            .GroupBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase)
            .Select(group => group.First())
            .ToList();
        return new PackageContents(directory, unique, all, isVsix ? Array.Empty<PackageDependency>() : Dependencies(directory));
    }

    private static bool IsAssemblyFile(string path) =>
        (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
        && !path.EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase);

    private static List<string> NuGetAssemblies(string directory, List<string> all)
    {
        var lib = Path.Combine(directory, "lib");
        var bestLibFolder = Directory.Exists(lib)
            ? Directory.EnumerateDirectories(lib)
                .Where(folder => TargetFrameworkRank.Of(Path.GetFileName(folder)) >= 0)
                .OrderByDescending(folder => TargetFrameworkRank.Of(Path.GetFileName(folder)))
                .FirstOrDefault()
            : null;
        var chosen = new List<string>();
        foreach (var path in all)
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            var inBestLib = bestLibFolder is not null && Path.GetDirectoryName(path) == bestLibFolder;
            var inLibRoot = relative.StartsWith("lib/", StringComparison.OrdinalIgnoreCase) && relative.Count(c => c == '/') == 1;
            if (inBestLib || inLibRoot || relative.StartsWith("tools/", StringComparison.OrdinalIgnoreCase)
                || relative.StartsWith("analyzers/", StringComparison.OrdinalIgnoreCase))
            {
                chosen.Add(path);
            }
        }

        return chosen;
    }

    private static IReadOnlyList<PackageDependency> Dependencies(string directory)
    {
        var nuspec = Directory.EnumerateFiles(directory, "*.nuspec").FirstOrDefault();
        if (nuspec is null)
        {
            return Array.Empty<PackageDependency>();
        }

        XElement root;
        try
        {
            root = XDocument.Load(nuspec).Root!;
        }
        catch (XmlException)
        {
            return Array.Empty<PackageDependency>();
        }

        var dependencies = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "dependencies");
        if (dependencies is null)
        {
            return Array.Empty<PackageDependency>();
        }

        // Grouped by target framework: the group this runtime would take, else the ungrouped list.
        var group = dependencies.Elements().Where(e => e.Name.LocalName == "group")
            .Where(e => TargetFrameworkRank.Of((string?)e.Attribute("targetFramework") ?? string.Empty) >= 0)
            .OrderByDescending(e => TargetFrameworkRank.Of((string?)e.Attribute("targetFramework") ?? string.Empty))
            .FirstOrDefault() ?? dependencies;
        return group.Elements().Where(e => e.Name.LocalName == "dependency")
            .Select(e => new PackageDependency((string?)e.Attribute("id") ?? string.Empty, (string?)e.Attribute("version") ?? "0.0.0"))
            .Where(d => d.Id.Length > 0)
            .ToList();
    }
}
