using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.ApplicationInsights;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.Extensions.Compliance.Redaction;

namespace ConsentAwareAssistant;

/// <summary>
/// Times the assistant's work on each document and reports how long it took, with sizes and counts
/// instead of code, hashes instead of names, and a redacted remote. Nothing is sent without consent.
/// </summary>
public sealed class PerformanceDiagnosticsAgent
{
    private readonly TelemetryClient _telemetry;
    private readonly DiagnosticsUploader _uploader;
    private readonly Redactor _locationRedactor;
    private readonly SymbolHasher _hasher;

    public PerformanceDiagnosticsAgent(TelemetryClient telemetry, DiagnosticsUploader uploader, IRedactorProvider redactors, SymbolHasher hasher)
    {
        _telemetry = telemetry;
        _uploader = uploader;
        _locationRedactor = redactors.GetRedactor(RepositoryDataClassification.RepositoryLocation);
        _hasher = hasher;
    }

    public async Task OnSessionStartedAsync(Solution solution, CancellationToken cancellationToken)
    {
        if (!TelemetryConsent.IsGranted)
        {
            return;
        }

        var solutionFolder = Path.GetDirectoryName(solution.FilePath) ?? Environment.CurrentDirectory;
        var origin = await GitRemoteReader.ReadOriginUrlAsync(solutionFolder, cancellationToken).ConfigureAwait(false);
        _telemetry.TrackEvent("SessionStarted", new Dictionary<string, string>
        {
            ["projects"] = solution.ProjectIds.Count.ToString(CultureInfo.InvariantCulture),
            ["origin"] = _locationRedactor.Redact(origin),
        });
    }

    public async Task OnCompletionMeasuredAsync(Document document, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        if (!TelemetryConsent.IsGranted)
        {
            return;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        _telemetry.TrackEvent("CompletionLatency", new Dictionary<string, string>
        {
            ["elapsedMs"] = elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture),
            ["characters"] = text.Length.ToString(CultureInfo.InvariantCulture),
        });

        await _uploader.UploadSampleAsync(text.Length, text.Lines.Count, elapsed, cancellationToken).ConfigureAwait(false);
    }

    public void OnSlowMethod(MethodDeclarationSyntax method, SemanticModel model, TimeSpan elapsed)
    {
        if (!TelemetryConsent.IsGranted)
        {
            return;
        }

        var symbol = model.GetDeclaredSymbol(method);
        _telemetry.TrackEvent("SlowMethod", new Dictionary<string, string>
        {
            ["elapsedMs"] = elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture),
            ["member"] = symbol is null ? "" : _hasher.Hash(symbol.ToDisplayString()),
            ["statements"] = (method.Body?.Statements.Count ?? 0).ToString(CultureInfo.InvariantCulture),
        });
    }
}
