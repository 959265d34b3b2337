using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Tactics;

/// <summary>EXF1005: the sensitive value is encrypted, compressed, encoded or scrambled on its way to the sink.</summary>
public class ObfuscationTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using System.IO.Compression;
        using System.Linq;
        using System.Security.Cryptography;
        using System.Text;
        using System.Text.Json;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task Encryption_with_a_cipher_transform_a_crypto_stream_and_data_protection()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, SyntaxNode node, Aes aes)
                {
                    var plain = Encoding.UTF8.GetBytes(node.ToString());
                    var sealedBytes = aes.CreateEncryptor().TransformFinalBlock(plain, 0, plain.Length);
                    client.TrackEvent({|EXF1001:{|EXF1005:Convert.ToBase64String(sealedBytes)|}|});

                    var buffer = new MemoryStream();
                    using (var crypto = new CryptoStream(buffer, aes.CreateEncryptor(), CryptoStreamMode.Write))
                    {
                        crypto.Write(plain, 0, plain.Length);
                    }

                    client.TrackTrace({|EXF1001:{|EXF1005:Convert.ToHexString(buffer.ToArray())|}|});
                    client.TrackTrace({|EXF1001:{|EXF1005:Convert.ToBase64String(aes.EncryptCbc(plain, new byte[16]))|}|});
                    #pragma warning disable CA1416
                    client.TrackTrace({|EXF1001:{|EXF1005:Convert.ToBase64String(ProtectedData.Protect(plain, null, DataProtectionScope.CurrentUser))|}|});
                }
            }
            """);
    }

    [Fact]
    public Task Compression_and_encodings()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var bytes = Encoding.UTF8.GetBytes(symbol.ToDisplayString());
                    var packed = new MemoryStream();
                    using (var gzip = new GZipStream(packed, CompressionLevel.Optimal))
                    {
                        gzip.Write(bytes, 0, bytes.Length);
                    }

                    client.TrackEvent({|EXF1002:{|EXF1005:Convert.ToBase64String(packed.ToArray())|}|});
                    client.TrackEvent({|EXF1002:{|EXF1005:BitConverter.ToString(bytes)|}|});
                    client.TrackEvent({|EXF1002:{|EXF1005:Convert.ToHexString(bytes)|}|});
                }
            }
            """);
    }

    [Fact]
    public Task Xor_and_rotation_loops_scramble()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var bytes = Encoding.UTF8.GetBytes(symbol.Name);
                    var key = new byte[] { 0x5A, 0x13 };
                    for (var i = 0; i < bytes.Length; i++)
                    {
                        bytes[i] = (byte)(bytes[i] ^ key[i % key.Length]);
                    }

                    client.TrackEvent({|EXF1002:{|EXF1005:Encoding.Latin1.GetString(bytes)|}|});

                    var shifted = new string(symbol.Name.Select(c => (char)(c + 3)).ToArray());
                    client.TrackEvent({|EXF1002:{|EXF1005:shifted|}|});

                    var rotated = symbol.Name.Select(c => (byte)((c << 3) | (c >> 5))).ToArray();
                    client.TrackEvent({|EXF1002:{|EXF1005:Convert.ToHexString(rotated)|}|});
                }
            }
            """);
    }

    [Fact]
    public Task Utf8_bytes_and_json_are_not_obfuscation()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var bytes = Encoding.UTF8.GetBytes(symbol.Name);
                    client.TrackEvent({|EXF1002:Encoding.UTF8.GetString(bytes)|});
                    client.TrackEvent({|EXF1002:JsonSerializer.Serialize(new { symbol.Name })|});
                }
            }
            """);
    }

    [Fact]
    public Task Hashing_then_encoding_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var digest = SHA256.HashData(Encoding.UTF8.GetBytes(symbol.Name));
                    client.TrackEvent(Convert.ToBase64String(digest));
                    client.TrackEvent(Convert.ToHexString(digest).ToLowerInvariant());
                    var key = Encoding.UTF8.GetBytes("constant");
                    client.TrackEvent(Convert.ToBase64String(key));
                }
            }
            """);
    }
}
