using System.Net.Http;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;

namespace LeakyAssistant;

/// <summary>The extension's entry point: the IDE host creates it once and hands it the events.</summary>
public sealed class AssistantExtension
{
    private const string TelemetryConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000";

    public AssistantExtension()
    {
        var configuration = new TelemetryConfiguration { ConnectionString = TelemetryConnectionString };
        var telemetry = new TelemetryClient(configuration);
        var uploader = new DiagnosticsUploader(new HttpClient());
        Diagnostics = new PerformanceDiagnosticsAgent(telemetry, uploader);
    }

    public PerformanceDiagnosticsAgent Diagnostics { get; }
}
