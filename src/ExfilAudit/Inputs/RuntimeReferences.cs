using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;

namespace ExfilAudit.Inputs;

/// <summary>
/// The running runtime's own assemblies, as references for code that comes without a project (a folder of
/// .cs files, decompiled binaries). They are implementation assemblies, which compile like reference ones.
/// </summary>
internal static class RuntimeReferences
{
    private static readonly Lazy<(ImmutableArray<string> Paths, HashSet<string> Names)> Runtime = new(Find);

    private static (ImmutableArray<string>, HashSet<string>) Find()
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ImmutableArray.CreateBuilder<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(directory, "*.dll"))
        {
            // The runtime folder also holds native libraries on some systems.
            if (ManagedAssembly.IsManaged(path))
            {
                paths.Add(path);
                names.Add(Path.GetFileNameWithoutExtension(path));
            }
        }

        return (paths.ToImmutable(), names);
    }

    /// <summary>The runtime's assemblies plus the given ones, minus copies of the runtime's own and duplicates.</summary>
    public static ImmutableArray<MetadataReference> With(IEnumerable<string> extraAssemblies)
    {
        var (paths, names) = Runtime.Value;
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in paths)
        {
            references.Add(MetadataReference.CreateFromFile(path));
        }

        var seen = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
        foreach (var path in extraAssemblies)
        {
            if (seen.Add(Path.GetFileNameWithoutExtension(path)) && ManagedAssembly.IsManaged(path))
            {
                references.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return references.ToImmutable();
    }
}
