using System;
using System.Linq;
using Xunit;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>"Enforced in CI with warnings as errors", tested: both ways a team turns EXF warnings into a failed build.</summary>
[Collection(PackageEndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WarningsAsErrorsTests
{
    private readonly PackageEndToEndFixture _fixture;

    public WarningsAsErrorsTests(PackageEndToEndFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void WarnAsErrorFailsTheBuild()
    {
        var build = _fixture.WarningsAsErrorsBuild;

        Assert.False(build.Result.Succeeded, build.Describe());
        Assert.True(build.WithId("EXF1003").Any(d => d.Severity == "error" && d.FileName == "Reporter.cs"), build.Describe());
    }

    [Fact]
    public void GlobalConfigSeverityErrorFailsTheBuildForThatRuleOnly()
    {
        var build = _fixture.GlobalConfigBuild;

        Assert.False(build.Result.Succeeded, build.Describe());
        Assert.True(build.WithId("EXF1003").Any(d => d.Severity == "error" && d.FileName == "Reporter.cs"), build.Describe());
        Assert.True(build.WithId("EXF1006").Any(d => d.Severity == "warning" && d.FileName == "Reporter.cs"), build.Describe());
        Assert.Contains("error EXF1003", build.Result.Output, StringComparison.Ordinal);
    }
}
