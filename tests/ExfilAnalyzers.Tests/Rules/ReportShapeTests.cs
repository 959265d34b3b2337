using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Rules;

/// <summary>Where a diagnostic points, what it says, and the path it shows (SPEC.md, "Where a diagnostic points").</summary>
public class ReportShapeTests
{
    [Fact]
    public Task Primary_is_the_argument_then_source_then_steps_in_order()
    {
        // One location a line: 'var name = symbol.Name' shows the source, not also the declaration.
        var source = """
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var name = {|#1:symbol.Name|};
                    var {|#4:label = "symbol " + name|};
                    var properties = new Dictionary<string, string>();
                    {|#3:properties["label"] = label|};
                    client.TrackEvent("analysis", {|#0:properties|});
                }
            }
            """;
        return VerifyAsync(source,
            Diagnostic("EXF1002").WithLocation(0).WithLocation(1).WithLocation(4).WithLocation(3)
                .WithArguments("ISymbol.Name", "TelemetryClient.TrackEvent"));
    }

    [Fact]
    public Task A_flow_into_a_receiver_points_at_the_call()
    {
        return VerifyAsync("""
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                async Task Report(HttpClient http, ISymbol symbol)
                {
                    http.DefaultRequestHeaders.Add("X-Symbol", symbol.Name);
                    await {|EXF1002:{|EXF1006:http.GetAsync("https://example.net/ping")|}|};
                }
            }
            """);
    }
}
