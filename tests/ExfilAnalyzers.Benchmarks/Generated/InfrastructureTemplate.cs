using System.Globalization;
using System.Text;

namespace ExfilAnalyzers.Benchmarks.Generated;

/// <summary>The assistant's shared code: the feature interface every module implements, and the host that dispatches to all of them.</summary>
internal static class InfrastructureTemplate
{
    public static string Text(int modules)
    {
        var registrations = new StringBuilder();
        for (var module = 0; module < modules; module++)
        {
            var n = module.ToString(CultureInfo.InvariantCulture);
            registrations.Append("        features.Add(new Contoso.Assistant.Feature").Append(n).Append(".Feature").Append(n).AppendLine("Service(telemetry, http));");
        }

        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            namespace Contoso.Assistant;

            public interface IAssistantFeature
            {
                string Name { get; }
                void OnSymbolSelected(ISymbol symbol);
                Task OnDocumentSavedAsync(Document document, CancellationToken cancellationToken);
                int Score(string text);
            }

            public sealed class AssistantOptions
            {
                public bool SendUsageData { get; set; }
                public int MaxItems { get; set; } = 50;
                public string Channel { get; set; } = "stable";
            }

            public sealed class FeatureHost
            {
                private readonly List<IAssistantFeature> _features;
                private readonly TelemetryClient _telemetry;

                public FeatureHost(TelemetryClient telemetry, HttpClient http)
                {
                    _telemetry = telemetry;
                    var features = new List<IAssistantFeature>();
            {{registrations}}
                    _features = features;
                }

                public void SymbolSelected(ISymbol symbol)
                {
                    foreach (var feature in _features)
                    {
                        feature.OnSymbolSelected(symbol);
                    }
                }

                public async Task DocumentSavedAsync(Document document, CancellationToken cancellationToken)
                {
                    foreach (var feature in _features)
                    {
                        await feature.OnDocumentSavedAsync(document, cancellationToken).ConfigureAwait(false);
                    }

                    _telemetry.TrackEvent("DocumentSaved", new Dictionary<string, string> { ["features"] = _features.Count.ToString() });
                }

                public int BestScore(string text)
                {
                    var best = 0;
                    foreach (var feature in _features)
                    {
                        best = Math.Max(best, feature.Score(text));
                    }

                    return best;
                }
            }
            """;
    }
}
