using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// Loads a peer's analyzer assemblies, and the libraries they ship beside them, into a context of their
/// own; the compiler's assemblies come from the host, as they do when csc loads an analyzer.
/// </summary>
internal sealed class PeerAssemblyLoader : AssemblyLoadContext, IAnalyzerAssemblyLoader
{
    private readonly Dictionary<string, string> _dependencies = new(StringComparer.OrdinalIgnoreCase);

    public PeerAssemblyLoader(string name)
        : base(name)
    {
    }

    public void AddDependencyLocation(string fullPath)
    {
        lock (_dependencies)
        {
            _dependencies.TryAdd(Path.GetFileNameWithoutExtension(fullPath), fullPath);
        }
    }

    public Assembly LoadFromPath(string fullPath)
    {
        AddDependencyLocation(fullPath);
        return LoadFromAssemblyPath(fullPath);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? path;
        lock (_dependencies)
        {
            _dependencies.TryGetValue(assemblyName.Name ?? string.Empty, out path);
        }

        // Null: the host's copy (Microsoft.CodeAnalysis, the runtime) is used.
        return path is null ? null : LoadFromAssemblyPath(path);
    }
}
