using System.Net.Http;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Compliance.Redaction;

namespace ConsentAwareAssistant;

/// <summary>
/// The extension's entry point. The host passes the redactors it configured
/// (Microsoft.Extensions.Compliance.Redaction), so what is redacted is the host's policy.
/// </summary>
public sealed class AssistantExtension
{
    private const string TelemetryConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000";

    public AssistantExtension(IRedactorProvider redactors, byte[] installationSalt)
    {
        var configuration = new TelemetryConfiguration { ConnectionString = TelemetryConnectionString };
        var telemetry = new TelemetryClient(configuration);
        var uploader = new DiagnosticsUploader(new HttpClient());
        Diagnostics = new PerformanceDiagnosticsAgent(telemetry, uploader, redactors, new SymbolHasher(installationSalt));
    }

    public PerformanceDiagnosticsAgent Diagnostics { get; }
}
