using System.IO;
using System.Linq;
using Xunit;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>
/// The package's build props hand the analyzers the ExfilModels.txt beside the project and the
/// nearest one above it, with no edit to the project file.
/// </summary>
[Collection(PackageEndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ModelsFileDiscoveryTests
{
    private readonly ConsumerBuild _build;
    private readonly ConsumerBuild _optedOut;

    public ModelsFileDiscoveryTests(PackageEndToEndFixture fixture)
    {
        _build = fixture.PlainBuild;
        _optedOut = fixture.OptedOutBuild;
    }

    [Fact]
    public void SinkDeclaredBesideTheProjectIsReported()
    {
        AssertEXF1003At(ConsumerCode.MachineNameArgument);
    }

    [Fact]
    public void SinkDeclaredAboveTheProjectIsReported()
    {
        AssertEXF1003At(ConsumerCode.DomainNameArgument);
    }

    [Fact]
    public void DeclaredSanitizerEndsTheFlow()
    {
        AssertSilentAt(ConsumerCode.ScrubbedSend);
    }

    [Fact]
    public void DeclaredGateSilencesTheSendItGuards()
    {
        AssertSilentAt(ConsumerCode.GatedSend);
    }

    [Fact]
    public void MalformedLineIsReportedAtItsLineOfTheModelsFile()
    {
        var (line, _) = ConsumerCode.PositionOf(ConsumerCode.ProjectModels, ConsumerCode.MalformedModelsLine);

        var reported = _build.WithId("EXF0001").ToList();

        Assert.True(reported.Count == 1, _build.Describe());
        Assert.True(reported[0].FileName == "ExfilModels.txt" && reported[0].Line == line, $"expected EXF0001 at ExfilModels.txt line {line}\n{_build.Describe()}");
        Assert.Equal("Consumer", Path.GetFileName(Path.GetDirectoryName(reported[0].FilePath)));
    }

    [Fact]
    public void OptingOutInTheProjectFileLeavesTheModelsFilesOut()
    {
        Assert.True(_optedOut.Result.Succeeded, _optedOut.Describe());
        Assert.True(_optedOut.WithId("EXF1003").Any(d => d.FileName == "Reporter.cs"), $"the analyzers still run\n{_optedOut.Describe()}");
        Assert.False(_optedOut.WithId("EXF1003").Any(d => d.FileName == "CustomSinks.cs"), _optedOut.Describe());
        Assert.Empty(_optedOut.WithId("EXF0001"));
    }

    private void AssertSilentAt(string marker)
    {
        var (line, _) = ConsumerCode.PositionOf(ConsumerCode.CustomSinks, marker);

        // The same call without the sanitizer or the gate is reported, so silence here is the model's doing.
        Assert.True(_build.WithId("EXF1003").Any(d => d.FileName == "CustomSinks.cs"), _build.Describe());
        Assert.False(_build.Diagnostics.Any(d => d.FileName == "CustomSinks.cs" && d.Line == line && d.Id.StartsWith("EXF", System.StringComparison.Ordinal)),
            $"expected nothing at CustomSinks.cs line {line}\n{_build.Describe()}");
    }

    private void AssertEXF1003At(string argument)
    {
        var (line, column) = ConsumerCode.PositionOf(ConsumerCode.CustomSinks, argument);

        var reported = _build.WithId("EXF1003").Where(d => d.FileName == "CustomSinks.cs" && d.Line == line).ToList();

        Assert.True(reported.Count == 1, $"expected EXF1003 at CustomSinks.cs({line},{column})\n{_build.Describe()}");
        Assert.Equal(column, reported[0].Column);
    }
}
