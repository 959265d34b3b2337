using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAudit.Inputs;

/// <summary>
/// C# files with no project: a folder of loose sources, or the output of the decompiler. They compile
/// against the running runtime and the given assemblies.
/// </summary>
internal static class SourceFolder
{
    private static readonly string[] SkippedFolders = { "bin", "obj", ".git", ".vs", "node_modules" };

    /// <summary>What an SDK project's ImplicitUsings adds; loose files written for one expect it.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    public static IEnumerable<string> SourceFiles(string directory) => Files(directory, "*.cs");

    /// <summary>Assemblies in the folder tree, outside build output, that the sources may reference.</summary>
    public static IEnumerable<string> Assemblies(string directory) => Files(directory, "*.dll");

    public static AuditUnit Compile(string name, string directory, IEnumerable<string> references, bool implicitUsings, CancellationToken cancellationToken)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = new List<SyntaxTree>();
        foreach (var file in SourceFiles(directory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = File.OpenRead(file);
            var text = SourceText.From(stream, checksumAlgorithm: SourceHashAlgorithm.Sha256);
            trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, file, cancellationToken));
        }

        if (trees.Count == 0)
        {
            throw new AuditException($"no .cs files, project or solution in {directory}");
        }

        if (implicitUsings)
        {
            trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, path: string.Empty, cancellationToken: cancellationToken));
        }

        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true, concurrentBuild: true);
        var compilation = CSharpCompilation.Create(name, trees, RuntimeReferences.With(references), options);
        return new AuditUnit(name, compilation, ImmutableArray<AdditionalText>.Empty);
    }

    private static IEnumerable<string> Files(string directory, string pattern)
    {
        return Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories)
            .Where(file => !IsSkipped(Path.GetRelativePath(directory, file)))
            .OrderBy(file => file, StringComparer.Ordinal);
    }

    private static bool IsSkipped(string relativePath)
    {
        var segments = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            // Decompiled output of an earlier audit is not the user's source.
            if (Array.IndexOf(SkippedFolders, segments[i].ToLowerInvariant()) >= 0
                || segments[i].StartsWith(DecompiledOutput.FolderPrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
