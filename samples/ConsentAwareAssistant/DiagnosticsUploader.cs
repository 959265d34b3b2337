using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ConsentAwareAssistant;

/// <summary>
/// Uploads performance samples that describe a document's size, never its contents, to the one
/// endpoint declared in ExfilModels.txt and named in the privacy statement, and only with consent.
/// </summary>
public sealed class DiagnosticsUploader
{
    private static readonly Uri SamplesEndpoint = new("https://telemetry.contoso.com/v1/performance-samples");

    private readonly HttpClient _http;

    public DiagnosticsUploader(HttpClient http)
    {
        _http = http;
    }

    public async Task UploadSampleAsync(int characters, int lines, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        if (!TelemetryConsent.IsGranted)
        {
            return;
        }

        var sample = string.Create(CultureInfo.InvariantCulture, $"characters={characters}&lines={lines}&elapsedMs={elapsed.TotalMilliseconds:F0}");
        using var content = new StringContent(sample);
        using var response = await _http.PostAsync(SamplesEndpoint, content, cancellationToken).ConfigureAwait(false);
    }
}
