using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAudit.Cli;

namespace ExfilAudit.Inputs;

/// <summary>Decides what kind of input the user named and loads it.</summary>
internal static class InputLoader
{
    public static Task<LoadedInput> LoadAsync(AuditOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        if (options.Package is { } package)
        {
            return BinaryInputs.FromPackageAsync(package, options, progress, cancellationToken);
        }

        var path = Path.GetFullPath(options.InputPath!);
        if (Directory.Exists(path))
        {
            return LoadFolderAsync(path, options, progress, cancellationToken);
        }

        if (!File.Exists(path))
        {
            throw new AuditException($"no such file or folder: {options.InputPath}");
        }

        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".sln" or ".slnx" or ".csproj":
                return MsBuildProjects.LoadAsync(path, !options.NoRestore, progress, cancellationToken);
            case ".dll" or ".exe":
                return Task.FromResult(BinaryInputs.FromAssembly(path, options, progress, cancellationToken));
            case ".nupkg" or ".vsix":
                return BinaryInputs.FromArchiveAsync(path, options, progress, cancellationToken);
            case ".vbproj" or ".fsproj":
                throw new AuditException($"{Path.GetFileName(path)}: only C# projects are analysed; audit its built assembly instead, which is decompiled to C#");
            default:
                throw new AuditException($"cannot audit {Path.GetFileName(path)}: give a .sln, .slnx, .csproj, folder, .dll, .exe, .nupkg or .vsix");
        }
    }

    /// <summary>A folder with one solution or project is that solution or project; else its .cs files.</summary>
    private static Task<LoadedInput> LoadFolderAsync(string folder, AuditOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        var solutions = Directory.GetFiles(folder, "*.sln").Concat(Directory.GetFiles(folder, "*.slnx")).ToArray();
        var projects = Directory.GetFiles(folder, "*.csproj");
        var chosen = solutions.Length == 1 ? solutions[0]
            : solutions.Length > 1 ? throw new AuditException($"{folder} holds several solutions; name the one to audit")
            : projects.Length == 1 ? projects[0]
            : projects.Length > 1 ? throw new AuditException($"{folder} holds several projects; name the one to audit")
            : null;
        if (chosen is not null)
        {
            return MsBuildProjects.LoadAsync(chosen, !options.NoRestore, progress, cancellationToken);
        }

        progress($"Compiling the .cs files in {folder}");
        var input = new LoadedInput($"{Path.GetFileName(folder)} (C# files without a project)", folder);
        input.Units.Add(SourceFolder.Compile(Path.GetFileName(folder), folder, SourceFolder.Assemblies(folder).ToList(), implicitUsings: true, cancellationToken));
        return Task.FromResult(input);
    }
}
