using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading;
using ICSharpCode.Decompiler;
using ICSharpCode.Decompiler.CSharp.ProjectDecompiler;
using ICSharpCode.Decompiler.Metadata;

namespace ExfilAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Turns an assembly back into C# files with ICSharpCode.Decompiler, into a cache folder that is reused
/// while it is complete (the decompiler's output for a given assembly never changes).
/// </summary>
internal static class AssemblyDecompilation
{
    private const string CompleteMarker = ".decompiled";

    public static ImmutableArray<SourceFile> Decompile(string assemblyPath, string cacheFolder, IEnumerable<string> searchFolders, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(cacheFolder, CompleteMarker)))
        {
            if (Directory.Exists(cacheFolder))
            {
                Directory.Delete(cacheFolder, recursive: true);
            }

            Directory.CreateDirectory(cacheFolder);
            WriteProject(assemblyPath, cacheFolder, searchFolders, cancellationToken);
            File.WriteAllText(Path.Combine(cacheFolder, CompleteMarker), assemblyPath);
        }

        var files = ImmutableArray.CreateBuilder<SourceFile>();
        var paths = Directory.GetFiles(cacheFolder, "*.cs", SearchOption.AllDirectories);
        Array.Sort(paths, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            files.Add(new SourceFile(Path.GetRelativePath(cacheFolder, path).Replace('\\', '/'), File.ReadAllText(path)));
        }

        return files.ToImmutable();
    }

    private static void WriteProject(string assemblyPath, string folder, IEnumerable<string> searchFolders, CancellationToken cancellationToken)
    {
        using var module = new PEFile(assemblyPath, PEStreamOptions.PrefetchEntireImage, MetadataReaderOptions.Default, null);
        var resolver = new UniversalAssemblyResolver(assemblyPath, throwOnError: false, module.DetectTargetFrameworkId(), null,
            PEStreamOptions.PrefetchMetadata, MetadataReaderOptions.Default);
        foreach (var searchFolder in searchFolders)
        {
            resolver.AddSearchDirectory(searchFolder);
        }

        var settings = new DecompilerSettings
        {
            ThrowOnAssemblyResolveErrors = false,
            UseSdkStyleProjectFormat = true,
        };
        var decompiler = new WholeProjectDecompiler(settings, resolver, null, null, null)
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
        };
        decompiler.DecompileProject(module, folder, cancellationToken);
    }
}
