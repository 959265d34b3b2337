using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>A .nupkg read once: the names of its entries and the text of those the tests look into.</summary>
internal sealed class PackedPackage
{
    private readonly Dictionary<string, string> _texts = new();

    public PackedPackage(string path)
    {
        Path = path;
        Version = System.IO.Path.GetFileNameWithoutExtension(path)["ExfilAnalyzers.".Length..];
        var names = new List<string>();
        using var archive = ZipFile.OpenRead(path);
        foreach (var entry in archive.Entries)
        {
            names.Add(entry.FullName);
            if (entry.FullName is "ExfilAnalyzers.nuspec" or "README.md" or "build/ExfilAnalyzers.props")
            {
                using var reader = new StreamReader(entry.Open());
                _texts[entry.FullName] = reader.ReadToEnd();
            }
        }

        EntryNames = names;
    }

    public string Path { get; }

    /// <summary>The version, from the file name NuGet gives the package: ExfilAnalyzers.&lt;version&gt;.nupkg.</summary>
    public string Version { get; }

    public IReadOnlyList<string> EntryNames { get; }

    public string? ReadText(string entryName) => _texts.TryGetValue(entryName, out var text) ? text : null;
}
