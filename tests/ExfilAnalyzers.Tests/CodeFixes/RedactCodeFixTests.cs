using System.Threading.Tasks;
using ExfilAnalyzers.CodeFixes.Redaction;
using Xunit;
using Verify = ExfilAnalyzers.Tests.Verifiers.CodeFixVerifier<ExfilAnalyzers.CodeFixes.Redaction.RedactCodeFixProvider>;

namespace ExfilAnalyzers.Tests.CodeFixes;

/// <summary>Redact (EXF1001–EXF1003, EXF1005, EXF1006): redact with a redactor in scope, replace with a keyed hash, remove the value.</summary>
public class RedactCodeFixTests
{
    private const string KeyedHash = "ExfilAnalyzers.Redact.KeyedHash";
    private const string Remove = "ExfilAnalyzers.Redact.Remove";

    [Fact]
    public Task Argument_is_removed()
    {
        return Verify.VerifyAsync("""
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    client.TrackEvent({|EXF1002:symbol.Name|});
                }
            }
            """, """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    client.TrackEvent("[removed]");
                }
            }
            """, Remove);
    }
}
