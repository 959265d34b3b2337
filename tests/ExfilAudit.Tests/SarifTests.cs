using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ExfilAudit.Tests.Infrastructure;
using Json.Schema;
using Xunit;

namespace ExfilAudit.Tests;

public class SarifTests
{
    /// <summary>The SARIF 2.1.0 schema shipped by the Sarif.Sdk package, copied here by the build.</summary>
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemata", "sarif-2.1.0.json"))));

    [Fact]
    public async Task The_report_is_valid_SARIF_2_1_0()
    {
        using var folder = new TempDirectory();
        folder.Write("code/Uploader.cs", LeakySources.Uploader);
        folder.Write("code/Greeter.cs", LeakySources.Clean);
        var sarif = folder.Combine("report.sarif");

        var outcome = await AuditHarness.RunAsync(folder.Combine("code"), "--sarif", sarif);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(sarif));
        var evaluation = Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (evaluation.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(evaluation.IsValid, string.Join("\n", errors));
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength()); // EXF1003 and EXF1006
    }

    [Fact]
    public async Task Each_flow_is_in_relatedLocations_and_in_a_codeFlow_from_source_to_sink()
    {
        using var folder = new TempDirectory();
        folder.Write("Uploader.cs", LeakySources.Uploader);
        var sarif = folder.Combine("report.sarif");

        await AuditHarness.RunAsync(folder.Path, "--sarif", sarif);

        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        var run = document.RootElement.GetProperty("runs")[0];
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "EXF1003");
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Equal("EXF1003", rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());

        var primary = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("Uploader.cs", primary.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", primary.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(15, primary.GetProperty("region").GetProperty("startLine").GetInt32());

        var related = result.GetProperty("relatedLocations")[0];
        Assert.Equal("source", related.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(13, related.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());

        var steps = result.GetProperty("codeFlows")[0].GetProperty("threadFlows")[0].GetProperty("locations").EnumerateArray().ToList();
        Assert.StartsWith("source: var user = Environment.UserName;", steps[0].GetProperty("location").GetProperty("message").GetProperty("text").GetString());
        Assert.StartsWith("sink: await _client.PostAsync(", steps[^1].GetProperty("location").GetProperty("message").GetProperty("text").GetString());
        var sink = steps[^1].GetProperty("location").GetProperty("physicalLocation");
        Assert.Equal(Compact(primary), Compact(sink));

        var root = run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString();
        Assert.Equal(new Uri(folder.Path + Path.DirectorySeparatorChar).AbsoluteUri, root);
    }

    [Fact]
    public async Task The_schema_check_rejects_a_report_that_breaks_the_schema()
    {
        using var folder = new TempDirectory();
        folder.Write("code/Uploader.cs", LeakySources.Uploader);
        var sarif = folder.Combine("report.sarif");
        await AuditHarness.RunAsync(folder.Combine("code"), "--sarif", sarif);

        // A level SARIF does not know: the same validation must fail, or it proves nothing above.
        var broken = File.ReadAllText(sarif).Replace("\"level\": \"warning\"", "\"level\": \"severe\"");
        using var json = JsonDocument.Parse(broken);
        var evaluation = Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        Assert.False(evaluation.IsValid);
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
