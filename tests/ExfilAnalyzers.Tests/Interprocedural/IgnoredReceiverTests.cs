using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Tests.Verifiers;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// A telemetry sink reports its arguments; its receiver's value is read by no rule (the client's own
/// state is reported where it is written). So a client held in a field is not followed to the callers of
/// the constructor that stored it: in the IDE that would bind them on every keystroke. A raw channel
/// sends what its client holds, and there the field is still followed.
/// </summary>
public class IgnoredReceiverTests
{
    private const string Service = """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        sealed class Service
        {
            private readonly TelemetryClient _telemetry;
            private readonly HttpClient _http;
            private string _name = "";

            // Names a source: the state it writes may hold sensitive data, so reading it depends on the level.
            public Service(TelemetryClient telemetry, HttpClient http, ISymbol symbol)
            {
                _telemetry = telemetry;
                _http = http;
                _name = symbol.Name;
            }

            public void Track() => _telemetry.TrackEvent("selected");

            // The collection initializer makes the graph capture the receiver before the arguments.
            public void TrackWithProperties() => _telemetry.TrackEvent("selected", new Dictionary<string, string> { ["kind"] = "k" });

            public Task<HttpResponseMessage> Post() => _http.GetAsync("https://x.example.net/h");

            public void Pass() => Forward(_telemetry);

            public void Conditional() => _telemetry?.TrackEvent("selected");

            private static void Forward(TelemetryClient client) => client.TrackEvent("x");
        }
        """;

    [Theory]
    [InlineData("Track", false)]
    [InlineData("TrackWithProperties", false)]
    [InlineData("Post", true)]
    [InlineData("Pass", true)]
    [InlineData("Conditional", true)]
    public void A_client_field_is_read_only_where_its_value_is_used(string method, bool readsState)
    {
        var engine = EngineOnFile.Of("Receivers", Service, "/src/Service.cs");

        var summary = engine.Flow.Summaries.ForRoot(engine.Method("Service", method), CancellationToken.None);

        Assert.Equal(readsState, summary.ReadsState);
    }

    [Fact]
    public Task A_raw_channel_still_sends_the_headers_a_constructors_caller_set()
    {
        return VerifyAsync("""
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            sealed class Host
            {
                public Sender Create(ISymbol symbol)
                {
                    var http = new HttpClient();
                    http.DefaultRequestHeaders.Add("X-Symbol", symbol.Name);
                    return new Sender(http, new TelemetryClient());
                }
            }

            sealed class Sender
            {
                private readonly HttpClient _http;
                private readonly TelemetryClient _telemetry;

                public Sender(HttpClient http, TelemetryClient telemetry)
                {
                    _http = http;
                    _telemetry = telemetry;
                }

                public async Task Send()
                {
                    await {|EXF1002:{|EXF1006:_http.GetAsync("https://x.example.net/h")|}|};
                    _telemetry.TrackEvent("sent");
                }
            }
            """);
    }
}
