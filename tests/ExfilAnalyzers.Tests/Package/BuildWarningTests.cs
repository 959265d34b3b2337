using System.Linq;
using Xunit;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>A project that installs the package gets EXF warnings with the right IDs, files and lines, and still builds.</summary>
[Collection(PackageEndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class BuildWarningTests
{
    private readonly ConsumerBuild _build;

    public BuildWarningTests(PackageEndToEndFixture fixture)
    {
        _build = fixture.PlainBuild;
    }

    [Fact]
    public void WarningsDoNotFailTheBuild()
    {
        Assert.True(_build.Result.Succeeded, _build.Describe());
        Assert.All(_build.Diagnostics, d => Assert.Equal("warning", d.Severity));
    }

    [Theory]
    [InlineData("EXF1003")]
    [InlineData("EXF1006")]
    public void UserNamePostedToACollectorIsReportedAtTheArgumentThatCarriesIt(string id)
    {
        var (line, column) = ConsumerCode.PositionOf(ConsumerCode.Reporter, ConsumerCode.UserNameArgument);

        var reported = _build.WithId(id).Where(d => d.FileName == "Reporter.cs").ToList();

        Assert.True(reported.Count == 1, $"expected one {id} in Reporter.cs\n{_build.Describe()}");
        Assert.True((reported[0].Line, reported[0].Column) == (line, column), $"expected {id} at Reporter.cs({line},{column})\n{_build.Describe()}");
    }

    [Fact]
    public void TheMessageNamesTheSourceAndTheSink()
    {
        var reported = _build.WithId("EXF1003").FirstOrDefault(d => d.FileName == "Reporter.cs");

        Assert.True(reported is not null, _build.Describe());
        Assert.Contains("Environment.UserName", reported.Message, System.StringComparison.Ordinal);
        Assert.Contains("HttpClient.PostAsync", reported.Message, System.StringComparison.Ordinal);
    }
}
