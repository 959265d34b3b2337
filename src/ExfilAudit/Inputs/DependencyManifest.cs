using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace ExfilAudit.Inputs;

/// <summary>
/// An assembly built by the .NET SDK ships with a &lt;name&gt;.deps.json that names the packages it was built
/// with. Those already in the local NuGet packages folder become references, so that calls into them
/// bind even when the packages' assemblies were not copied beside it (a class library's bin folder).
/// </summary>
internal static class DependencyManifest
{
    public sealed record Result(IReadOnlyList<string> Assemblies, IReadOnlyList<string> MissingPackages);

    public static Result? Read(string assemblyPath)
    {
        var manifest = Path.ChangeExtension(assemblyPath, ".deps.json");
        if (!File.Exists(manifest))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
            return Resolve(document.RootElement, PackagesFolder());
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException)
        {
            return null; // a damaged manifest only costs references
        }
    }

    private static Result Resolve(JsonElement root, string packagesFolder)
    {
        var assemblies = new List<string>();
        var missing = new List<string>();
        var libraries = root.GetProperty("libraries");
        foreach (var target in root.GetProperty("targets").EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                if (!libraries.TryGetProperty(library.Name, out var info) || info.GetProperty("type").GetString() != "package"
                    || !info.TryGetProperty("path", out var path) || path.GetString() is not { } packagePath)
                {
                    continue;
                }

                var packageDirectory = Path.Combine(packagesFolder, packagePath);
                if (!Directory.Exists(packageDirectory))
                {
                    missing.Add(library.Name);
                    continue;
                }

                var assets = library.Value.TryGetProperty("runtime", out var runtime) ? runtime
                    : library.Value.TryGetProperty("compile", out var compile) ? compile
                    : default;
                if (assets.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var asset in assets.EnumerateObject())
                {
                    var file = Path.Combine(packageDirectory, asset.Name);
                    if (file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(file))
                    {
                        assemblies.Add(file);
                    }
                }
            }

            break; // the first target is the framework it was built for
        }

        return new Result(assemblies, missing);
    }

    private static string PackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
