using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ExfilAnalyzers.Benchmarks.Inputs;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Finds what an assembly compiles against: the .NET reference assemblies, plus every assembly it refers
/// to, directly or through another, that one of the downloaded packages provides.
/// </summary>
internal sealed class ReferenceCatalog
{
    private readonly ImmutableArray<string> _framework;
    private readonly HashSet<string> _frameworkNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _packaged = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MetadataReference> _loaded = new(StringComparer.OrdinalIgnoreCase);

    public ReferenceCatalog(BenchmarkInputs inputs)
    {
        _framework = inputs.FrameworkReferences;
        foreach (var path in _framework)
        {
            _frameworkNames.Add(Path.GetFileNameWithoutExtension(path));
        }

        foreach (var package in inputs.Packages)
        {
            if (package.Role == PackageRole.Peer)
            {
                continue;
            }

            foreach (var assembly in package.Assemblies())
            {
                _packaged.TryAdd(Path.GetFileNameWithoutExtension(assembly), assembly);
            }
        }
    }

    /// <summary>The folders that hold the packaged assemblies, for the decompiler's resolver.</summary>
    public IEnumerable<string> SearchFolders()
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in _packaged.Values)
        {
            folders.Add(Path.GetDirectoryName(path)!);
        }

        foreach (var path in _framework)
        {
            folders.Add(Path.GetDirectoryName(path)!);
        }

        return folders;
    }

    /// <summary>References for code that refers to the given assemblies by name.</summary>
    public ImmutableArray<MetadataReference> For(IEnumerable<string> assemblyNames, ICollection<string> unresolved)
    {
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in _framework)
        {
            references.Add(Load(path));
        }

        var seen = new HashSet<string>(_frameworkNames, StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<string>(assemblyNames);
        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (!seen.Add(name))
            {
                continue;
            }

            if (!_packaged.TryGetValue(name, out var path))
            {
                if (!IsFrameworkFacade(name))
                {
                    unresolved.Add(name);
                }

                continue;
            }

            references.Add(Load(path));
            foreach (var next in ReferencedNames(path))
            {
                pending.Enqueue(next);
            }
        }

        return references.ToImmutable();
    }

    /// <summary>The names of the assemblies an assembly refers to.</summary>
    public static IEnumerable<string> ReferencedNames(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in metadata.AssemblyReferences)
        {
            names.Add(metadata.GetString(metadata.GetAssemblyReference(handle).Name));
        }

        return names;
    }

    // .NET Framework and .NET Standard names whose types .NET 10's reference assemblies carry under other names.
    private static bool IsFrameworkFacade(string name) =>
        name is "mscorlib" or "netstandard" or "System" or "System.Core" or "WindowsBase"
        || name.StartsWith("System.", StringComparison.Ordinal);

    private MetadataReference Load(string path)
    {
        lock (_loaded)
        {
            if (!_loaded.TryGetValue(path, out var reference))
            {
                reference = MetadataReference.CreateFromFile(path);
                _loaded.Add(path, reference);
            }

            return reference;
        }
    }
}
