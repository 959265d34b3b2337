using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Rules;

public class SmokeTests
{
    [Fact]
    public Task SymbolNameToTrackEvent()
    {
        return VerifyAsync("""
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                private readonly TelemetryClient _client = new TelemetryClient(new Microsoft.ApplicationInsights.Extensibility.TelemetryConfiguration());

                void OnSymbol(ISymbol symbol)
                {
                    var name = symbol.Name;
                    _client.TrackEvent({|EXF1002:name|});
                }
            }
            """);
    }
}
