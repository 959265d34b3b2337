using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace ExfilAnalyzers.Benchmarks.Inputs;

/// <summary>
/// What the build hands the program in benchmark-inputs.txt: where NuGet put the downloaded packages,
/// each package with its role, and the .NET reference assemblies of this project's target framework.
/// </summary>
internal sealed class BenchmarkInputs
{
    private BenchmarkInputs(string packageRoot, ImmutableArray<DownloadedPackage> packages, ImmutableArray<string> frameworkReferences)
    {
        PackageRoot = packageRoot;
        Packages = packages;
        FrameworkReferences = frameworkReferences;
    }

    public string PackageRoot { get; }

    public ImmutableArray<DownloadedPackage> Packages { get; }

    public ImmutableArray<string> FrameworkReferences { get; }

    public IEnumerable<DownloadedPackage> WithRole(PackageRole role) => Packages.Where(p => p.Role == role);

    public DownloadedPackage Package(string id) =>
        Packages.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"Package {id} is not downloaded by the benchmark project.");

    public static BenchmarkInputs Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "benchmark-inputs.txt");
        string? root = null;
        var packages = ImmutableArray.CreateBuilder<DownloadedPackage>();
        var framework = ImmutableArray.CreateBuilder<string>();
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split('|');
            switch (parts[0])
            {
                case "packages":
                    root = parts[1];
                    break;
                case "framework":
                    framework.Add(parts[1]);
                    break;
                default:
                    var role = Enum.Parse<PackageRole>(parts[0], ignoreCase: true);
                    var version = parts[2].Trim('[', ']');
                    packages.Add(new DownloadedPackage(parts[1], version, role, root!));
                    break;
            }
        }

        if (root is null || framework.Count == 0)
        {
            throw new InvalidOperationException($"{path} names no package folder or no framework references: rebuild the project.");
        }

        return new BenchmarkInputs(root, packages.ToImmutable(), framework.ToImmutable());
    }
}
