using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>The package holds exactly what SPEC.md lists, and declares itself a development dependency without dependencies.</summary>
[Collection(PackageEndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PackageLayoutTests
{
    /// <summary>Where NuGet always puts the package's core properties, under a name of its choosing.</summary>
    private const string CorePropertiesFolder = "package/services/metadata/core-properties/";

    private readonly PackedPackage _package;

    public PackageLayoutTests(PackageEndToEndFixture fixture)
    {
        _package = fixture.Package;
    }

    [Fact]
    public void HoldsTheAnalyzersThePropsAndTheReadmeAndNothingElse()
    {
        var ours = _package.EntryNames.Where(name => !IsCoreProperties(name)).OrderBy(name => name, StringComparer.Ordinal);

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
            ours);
        Assert.Single(_package.EntryNames, IsCoreProperties);
    }

    [Fact]
    public void ShipsTheRepositoryPropsAndReadmeUnchanged()
    {
        Assert.Equal(File.ReadAllText(RepositoryLayout.BuildProps), _package.ReadText("build/ExfilAnalyzers.props"));
        Assert.Equal(File.ReadAllText(RepositoryLayout.Readme), _package.ReadText("README.md"));
    }

    [Fact]
    public void IsADevelopmentDependencyWithNoDependencies()
    {
        var nuspec = XDocument.Parse(_package.ReadText("ExfilAnalyzers.nuspec") ?? "<missing />");
        var metadata = nuspec.Descendants().Single(e => e.Name.LocalName == "metadata");

        Assert.Equal("ExfilAnalyzers", Value(metadata, "id"));
        Assert.Equal(_package.Version, Value(metadata, "version"));
        Assert.Equal("true", Value(metadata, "developmentDependency"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.Empty(metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.ToString()));
    }

    private static bool IsCoreProperties(string entryName) =>
        entryName.StartsWith(CorePropertiesFolder, StringComparison.Ordinal) && entryName.EndsWith(".psmdcp", StringComparison.Ordinal);

    private static string? Value(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
}
