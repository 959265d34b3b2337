using Xunit;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>The end-to-end test classes share one pack and one set of consumer builds.</summary>
[CollectionDefinition(Name)]
public sealed class PackageEndToEndCollection : ICollectionFixture<PackageEndToEndFixture>
{
    public const string Name = "Package end to end";
}
