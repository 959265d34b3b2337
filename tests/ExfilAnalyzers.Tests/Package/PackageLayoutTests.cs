using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>The package holds exactly what SPEC.md lists, and declares itself a development dependency without dependencies.</summary>
[Collection(PackageEndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PackageLayoutTests
{
    private readonly PackageEndToEndFixture _fixture;

    public PackageLayoutTests(PackageEndToEndFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void HoldsTheAnalyzersThePropsAndTheReadmeAndNothingElse()
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath);
        var entries = package.Entries.Select(e => e.FullName)
            .Where(name => !name.StartsWith("package/services/metadata/core-properties/", System.StringComparison.Ordinal) || !name.EndsWith(".psmdcp", System.StringComparison.Ordinal))
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(
            new[]
            {
                "ExfilAnalyzers.nuspec",
                "README.md",
                "[Content_Types].xml",
                "_rels/.rels",
                "analyzers/dotnet/cs/ExfilAnalyzers.CodeFixes.dll",
                "analyzers/dotnet/cs/ExfilAnalyzers.dll",
                "build/ExfilAnalyzers.props",
            },
            entries);
        Assert.Single(package.Entries, e => e.FullName.EndsWith(".psmdcp", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ShipsTheRepositoryPropsAndReadmeUnchanged()
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath);

        Assert.Equal(File.ReadAllText(RepositoryLayout.BuildProps), ReadEntry(package, "build/ExfilAnalyzers.props"));
        Assert.Equal(File.ReadAllText(RepositoryLayout.Readme), ReadEntry(package, "README.md"));
    }

    [Fact]
    public void IsADevelopmentDependencyWithNoDependencies()
    {
        using var package = ZipFile.OpenRead(_fixture.PackagePath);
        var nuspec = XDocument.Parse(ReadEntry(package, "ExfilAnalyzers.nuspec"));
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("ExfilAnalyzers", Value("id"));
        Assert.Equal(_fixture.PackageVersion, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("README.md", Value("readme"));
        var declaredDependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.ToString());
        Assert.Empty(declaredDependencies);
    }

    private static string ReadEntry(ZipArchive package, string name)
    {
        var entry = package.GetEntry(name);
        Assert.NotNull(entry);
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
