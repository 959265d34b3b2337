using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ModelsFileParser = ExfilAnalyzers.Models.ModelsFile;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.ModelsFileVerifier;

namespace ExfilAnalyzers.Tests.Configuration;

/// <summary>EXF0001: every malformed line is reported at its line and column, with what is wrong and what a right line looks like.</summary>
public class MalformedEntryTests
{
    [Fact]
    public Task Each_malformed_form_is_reported_where_it_is()
    {
        return VerifyAsync("""
            # Contoso telemetry models
            {|#0:sinc|} M:Contoso.Telemetry.Client.Send(System.String)
            source {|#1:SymbolNames|} P:Contoso.Model.Item.Name
            sanitizer {|#2:T:|}Contoso.Privacy.Scrubber
            {|#3:gate|}
            sink M:Contoso.Telemetry.Client.Send(System.String) {|#4:extra|}
            endpoint {|#5:telemetry.contoso.com|}
            sink {|#6:Contoso.Telemetry.Client.Send|}
            {|#7:source SourceText|}
            sink M:Contoso.Telemetry.Client.Send(System.String)   # a comment after an entry is fine
            """,
            Diagnostic().WithLocation(0).WithArguments("Unknown kind 'sinc'; a line starts with source, sink, sanitizer, gate or endpoint, for example 'sink M:Contoso.Telemetry.Client.Send(System.String)'"),
            Diagnostic().WithLocation(1).WithArguments("Unknown category 'SymbolNames'; use SourceText, SymbolName or RepositoryMetadata, for example 'source SymbolName P:Contoso.Model.Item.Name'"),
            Diagnostic().WithLocation(2).WithArguments("A type ID ('T:') is allowed for sink only; name a member with M:, P: or F:, for example 'sanitizer M:Contoso.Privacy.Scrubber.Scrub(System.String)'"),
            Diagnostic().WithLocation(3).WithArguments("'gate' needs a documentation-comment ID, for example 'gate P:Contoso.Telemetry.Consent.IsGranted'"),
            Diagnostic().WithLocation(4).WithArguments("Unexpected 'extra' after 'M:Contoso.Telemetry.Client.Send(System.String)'; one entry a line, for example 'sink M:Contoso.Telemetry.Client.Send(System.String)'"),
            Diagnostic().WithLocation(5).WithArguments("'telemetry.contoso.com' is not an absolute URI with a host, for example 'endpoint https://telemetry.contoso.com/'"),
            Diagnostic().WithLocation(6).WithArguments("'Contoso.Telemetry.Client.Send' is not a documentation-comment ID; it starts with M:, P:, F:, E: or T:, for example 'sink M:Contoso.Telemetry.Client.Send(System.String)'"),
            Diagnostic().WithLocation(7).WithArguments("'source SourceText' needs a documentation-comment ID, for example 'source SymbolName P:Contoso.Model.Item.Name'"));
    }

    [Fact]
    public Task Windows_line_endings_and_explicit_interface_ids_parse()
    {
        return VerifyAsync("source SymbolName P:Contoso.Model.Item.Name\r\nsink M:Contoso.Sink.System#IDisposable#Dispose\r\n\r\n{|#0:sinc|} M:X.Y\r\n",
            Diagnostic().WithLocation(0).WithArguments("Unknown kind 'sinc'; a line starts with source, sink, sanitizer, gate or endpoint, for example 'sink M:Contoso.Telemetry.Client.Send(System.String)'"));
    }

    [Fact]
    public Task Empty_file_is_fine()
    {
        return VerifyAsync("");
    }

    [Fact]
    public Task Binary_garbage_is_reported_once_and_applies_nothing()
    {
        var garbage = "\u0000\u0001\u00ffPK\u0003\u0004 sink M:X.Y";
        var parsed = ModelsFileParser.Parse("ExfilModels.txt", SourceText.From(garbage));
        Assert.Empty(parsed.Entries);
        return VerifyAsync("{|#0:\u0000|}\u0001\u00ffPK\u0003\u0004 sink M:X.Y",
            Diagnostic().WithLocation(0).WithArguments("ExfilModels.txt is not a text file (it contains NUL characters); none of its entries apply"));
    }

    [Fact]
    public void A_ten_thousand_line_file_parses_every_line()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            text.Append(i % 10 == 0 ? $"sinc M:Bad.Line{i}\n" : $"sink M:Contoso.Telemetry.Client{i}.Send(System.String)\n");
        }

        var parsed = ModelsFileParser.Parse("ExfilModels.txt", SourceText.From(text.ToString()));
        Assert.Equal(9_000, parsed.Entries.Length);
        Assert.Equal(1_000, parsed.Errors.Length);
        Assert.Equal(9990, parsed.Errors.Last().LineSpan.Start.Line);
    }

    [Fact]
    public void Parsing_is_cached_per_version_of_the_text()
    {
        var first = SourceText.From("sink M:A.B");
        Assert.Same(ModelsFileParser.Get("ExfilModels.txt", first), ModelsFileParser.Get("ExfilModels.txt", first));
        Assert.NotSame(ModelsFileParser.Get("ExfilModels.txt", first), ModelsFileParser.Get("ExfilModels.txt", SourceText.From("sink M:A.B")));
    }

    [Fact]
    public Task Invalid_option_values_are_reported_and_the_default_is_used()
    {
        var test = new Test();
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nexfil_analyzers.report_gated = yes\nexfil_analyzers.hash_is_redaction = False\n"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithNoLocation()
            .WithArguments("'yes' is not a valid value for exfil_analyzers.report_gated; use true or false (using the default, false)"));
        return test.RunAsync();
    }
}
