using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace ExfilAudit.Inputs;

/// <summary>
/// A .sln, .slnx or .csproj, read by MSBuildWorkspace with the user's own SDK: the compilations the build
/// would make, with their package references, generated code and ExfilModels.txt files.
/// </summary>
internal static class MsBuildProjects
{
    private static readonly Regex ProjectPathInSolution = new(@"[""']([^""']+\.csproj)[""']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static async Task<LoadedInput> LoadAsync(string path, bool restore, Action<string> progress, CancellationToken cancellationToken)
    {
        MsBuildRegistration.EnsureRegistered();
        if (restore && NeedsRestore(path))
        {
            progress($"Restoring {Path.GetFileName(path)}");
            var (exitCode, output) = await DotnetCli.RunAsync(new[] { "restore", path }, Path.GetDirectoryName(path)!, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new AuditException($"restore of {Path.GetFileName(path)} failed: {DotnetCli.FirstError(output)}");
            }
        }

        progress($"Loading {Path.GetFileName(path)}");
        return await OpenAsync(path, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kept apart so that no MSBuild type is loaded before the SDK's MSBuild is registered.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<LoadedInput> OpenAsync(string path, Action<string> progress, CancellationToken cancellationToken)
    {
        var input = new LoadedInput($"{Path.GetFileName(path)} (MSBuild)", Path.GetDirectoryName(path)!);
        using var workspace = MSBuildWorkspace.Create();
        var failures = new List<string>();
        using var subscription = workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                lock (failures)
                {
                    failures.Add(e.Diagnostic.Message);
                }
            }
        });

        Solution solution;
        try
        {
            solution = IsSolution(path)
                ? await workspace.OpenSolutionAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false)
                : (await workspace.OpenProjectAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false)).Solution;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
        {
            throw new AuditException($"cannot load {Path.GetFileName(path)}: {FirstLine(e.Message)}");
        }

        foreach (var project in solution.Projects.Where(p => p.Language == LanguageNames.CSharp))
        {
            progress($"Compiling {project.Name}");
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is not null)
            {
                input.Units.Add(new AuditUnit(project.Name, compilation, ModelsFilesOf(project)));
            }
        }

        foreach (var failure in failures.Distinct())
        {
            input.Notes.Add("MSBuild: " + FirstLine(failure));
        }

        if (input.Units.Count == 0)
        {
            throw new AuditException(failures.Count > 0
                ? $"cannot load {Path.GetFileName(path)}: {FirstLine(failures[0])}"
                : $"{Path.GetFileName(path)} has no C# project");
        }

        return input;
    }

    private static bool IsSolution(string path) =>
        path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>A project that has never been restored has no assets file; nor has a solution's.</summary>
    private static bool NeedsRestore(string path)
    {
        var projects = IsSolution(path) ? ProjectsOfSolution(path) : new[] { path };
        return projects.Any(project => !File.Exists(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json")));
    }

    private static IEnumerable<string> ProjectsOfSolution(string solution)
    {
        var directory = Path.GetDirectoryName(solution)!;
        foreach (Match match in ProjectPathInSolution.Matches(File.ReadAllText(solution)))
        {
            var relative = match.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar);
            yield return Path.GetFullPath(Path.Combine(directory, relative));
        }
    }

    private static ImmutableArray<AdditionalText> ModelsFilesOf(Project project)
    {
        var builder = ImmutableArray.CreateBuilder<AdditionalText>();
        foreach (var document in project.AdditionalDocuments)
        {
            if (document.FilePath is { } filePath && ModelsText.IsModelsFile(filePath))
            {
                builder.Add(new ModelsText(filePath, filePath));
            }
        }

        return builder.ToImmutable();
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end);
    }
}
