using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Models;

/// <summary>Sanitizers end a flow: SHA-2 and HMAC hashes, lengths and counts, Redactor.Redact. MD5, SHA-1 and CRC do not.</summary>
public class SanitizerTests
{
    private const string Usings = """
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;
        using Microsoft.Extensions.Compliance.Redaction;

        """;

    [Fact]
    public Task Strong_hashes_redact()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, byte[] key)
                {
                    var bytes = Encoding.UTF8.GetBytes(symbol.Name);
                    client.TrackEvent(Convert.ToHexString(SHA256.HashData(bytes)));
                    client.TrackEvent(Convert.ToBase64String(SHA512.HashData(bytes)));
                    using var sha = SHA256.Create();
                    client.TrackEvent(Convert.ToHexString(sha.ComputeHash(bytes)));
                    HashAlgorithm algorithm = SHA384.Create();
                    client.TrackEvent(Convert.ToHexString(algorithm.ComputeHash(bytes)));
                    using var hmac = new HMACSHA256(key);
                    client.TrackEvent(Convert.ToHexString(hmac.ComputeHash(bytes)));
                    client.TrackEvent(Convert.ToHexString(HMACSHA256.HashData(key, bytes)));
                }
            }
            """);
    }

    [Fact]
    public Task Weak_hashes_do_not_redact()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var bytes = Encoding.UTF8.GetBytes(symbol.Name);
                    client.TrackEvent({|EXF1002:{|EXF1005:Convert.ToHexString(MD5.HashData(bytes))|}|});
                    client.TrackEvent({|EXF1002:{|EXF1005:Convert.ToHexString(SHA1.HashData(bytes))|}|});
                    client.TrackEvent({|EXF1002:symbol.Name.GetHashCode().ToString() + symbol.Name.Substring(1)|});
                }
            }
            """);
    }

    [Fact]
    public Task Hashes_are_not_redaction_when_the_option_says_so()
    {
        return new Verifiers.FlowVerifier.Test
        {
            TestCode = Usings + """
                class Agent
                {
                    void Report(TelemetryClient client, ISymbol symbol)
                    {
                        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(symbol.Name));
                        client.TrackEvent({|EXF1002:{|EXF1005:Convert.ToHexString(digest)|}|});
                    }
                }
                """,
            GlobalConfig = "exfil_analyzers.hash_is_redaction = false",
        }.RunAsync();
    }

    [Fact]
    public Task Redactor_and_lengths_redact()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, SyntaxNode node, Redactor redactor)
                {
                    client.TrackEvent(redactor.Redact(symbol.Name));
                    client.TrackEvent(node.ToString().Length.ToString());
                    client.TrackEvent(node.DescendantNodes().ToString());
                    client.TrackEvent($"{node.ToString().Split('\n').Length} lines");
                }
            }
            """);
    }
}
