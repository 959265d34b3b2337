using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAudit.Cli;

namespace ExfilAudit.Inputs;

/// <summary>
/// Compiled inputs: an assembly, a .nupkg or .vsix, or a package restored by id. Each assembly is
/// decompiled into its own project folder and compiled from there, so locations point into those files.
/// </summary>
internal static class BinaryInputs
{
    public static LoadedInput FromAssembly(string path, AuditOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        ManagedAssembly.EnsureManaged(path);
        var (outDirectory, where) = DecompiledOutput.Prepare(options.OutDirectory, path);
        var input = new LoadedInput($"{Path.GetFileName(path)} (decompiled)", outDirectory);
        input.Notes.Add($"Decompiled into {outDirectory} ({where})");

        // The assemblies beside it are what it was built and shipped with.
        var beside = Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.dll")
            .Where(other => !string.Equals(other, path, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (DependencyManifest.Read(path) is { } manifest)
        {
            beside.AddRange(manifest.Assemblies);
            if (manifest.Assemblies.Count > 0)
            {
                input.Notes.Add($"{Plural(manifest.Assemblies.Count, "reference")} from the local NuGet packages folder, as {Path.GetFileNameWithoutExtension(path)}.deps.json lists them");
            }

            if (manifest.MissingPackages.Count > 0)
            {
                input.Notes.Add($"Not in the local NuGet packages folder, so calls into them may be missed: {string.Join(", ", manifest.MissingPackages)}");
            }
        }
        input.Units.Add(DecompileAndCompile(path, outDirectory, beside, progress, cancellationToken));
        return input;
    }

    public static async Task<LoadedInput> FromArchiveAsync(string path, AuditOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        var (outDirectory, where) = DecompiledOutput.Prepare(options.OutDirectory, path);
        var input = new LoadedInput($"{Path.GetFileName(path)} (unzipped and decompiled)", outDirectory);
        input.Notes.Add($"Decompiled into {outDirectory} ({where})");
        progress($"Unzipping {Path.GetFileName(path)}");
        var contents = PackageArchive.Extract(path, Path.Combine(outDirectory, "package"));

        var dependencyAssemblies = new List<string>();
        if (contents.Dependencies.Count > 0)
        {
            progress($"Restoring the dependencies of {Path.GetFileName(path)}");
            try
            {
                var restored = await PackageRestorer.RestoreAsync(contents.Dependencies, options.Sources, Path.Combine(outDirectory, "restore"), cancellationToken).ConfigureAwait(false);
                dependencyAssemblies.AddRange(restored.CompileAssemblies);
            }
            catch (AuditException e)
            {
                // The package's own code can still be read; calls into its dependencies may be missed.
                input.Notes.Add($"The package's dependencies were not restored, so calls into them may be missed: {e.Message}");
            }
        }

        AddAssemblies(input, contents, dependencyAssemblies, path, progress, cancellationToken);
        return input;
    }

    public static async Task<LoadedInput> FromPackageAsync(string spec, AuditOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        var at = spec.LastIndexOf('@');
        if (at <= 0 || at == spec.Length - 1)
        {
            throw new AuditException($"--package takes Id@Version, for example Newtonsoft.Json@13.0.3, not '{spec}'");
        }

        var id = spec.Substring(0, at);
        var version = spec.Substring(at + 1);
        var outDirectory = options.OutDirectory is { } requested
            ? DecompiledOutput.Prepare(requested, spec).Directory
            : DecompiledOutput.Temporary(DecompiledOutput.FolderPrefix + id);
        var input = new LoadedInput($"{id} {version} (restored and decompiled)", outDirectory);
        input.Notes.Add($"Restored and decompiled into {outDirectory}");

        progress($"Restoring {id} {version}");
        var restored = await PackageRestorer.RestoreAsync(new[] { new PackageDependency(id, $"[{version}]") }, options.Sources,
            Path.Combine(outDirectory, "restore"), cancellationToken).ConfigureAwait(false);
        if (!restored.PackageFolders.TryGetValue(id, out var packageFolder))
        {
            throw new AuditException($"restore of {spec} failed: the package is not in the restore result");
        }

        var contents = PackageArchive.Read(packageFolder, isVsix: false);
        var dependencyAssemblies = restored.CompileAssemblies
            .Where(assembly => !assembly.StartsWith(packageFolder, StringComparison.OrdinalIgnoreCase))
            .ToList();
        AddAssemblies(input, contents, dependencyAssemblies, spec, progress, cancellationToken);
        return input;
    }

    private static void AddAssemblies(LoadedInput input, PackageContents contents, List<string> dependencyAssemblies, string what, Action<string> progress, CancellationToken cancellationToken)
    {
        if (contents.AssembliesToAudit.Count == 0)
        {
            throw new AuditException($"{what} has no .NET assemblies to audit");
        }

        var index = 0;
        foreach (var assembly in contents.AssembliesToAudit)
        {
            index++;
            progress($"[{index}/{contents.AssembliesToAudit.Count}] Decompiling {Path.GetFileName(assembly)}");
            var references = contents.AllAssemblies.Where(other => other != assembly).Concat(dependencyAssemblies).ToList();
            try
            {
                input.Units.Add(DecompileAndCompile(assembly, input.RootDirectory, references, _ => { }, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                input.Notes.Add($"{Path.GetFileName(assembly)} could not be decompiled and was skipped: {e.Message}");
            }
        }

        if (input.Units.Count == 0)
        {
            throw new AuditException($"no assembly of {what} could be decompiled");
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static AuditUnit DecompileAndCompile(string assembly, string outDirectory, IReadOnlyCollection<string> references, Action<string> progress, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(assembly);
        var projectDirectory = Path.Combine(outDirectory, name);
        progress($"Decompiling {Path.GetFileName(assembly)}");
        var searchDirectories = references.Select(Path.GetDirectoryName).Where(d => d is not null).Distinct().Cast<string>();
        AssemblyDecompiler.Decompile(assembly, projectDirectory, searchDirectories, cancellationToken);
        progress($"Compiling the decompiled {name}");
        return SourceFolder.Compile(name, projectDirectory, references, implicitUsings: false, cancellationToken);
    }
}
