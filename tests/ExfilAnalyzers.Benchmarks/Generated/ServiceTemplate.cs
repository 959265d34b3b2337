using System.Globalization;

namespace ExfilAnalyzers.Benchmarks.Generated;

/// <summary>
/// A feature's service: where the assistant meets the user's code and the telemetry. Which flows a module
/// has depends on its number, so that leaks, sanitized flows and harmless telemetry are mixed in fixed
/// proportions at every scale.
/// </summary>
internal static class ServiceTemplate
{
    /// <summary>The line the IDE case inserts its edit after.</summary>
    public const string EditPoint = "// edit point";

    public static string Text(int module)
    {
        var n = module.ToString(CultureInfo.InvariantCulture);
        var previous = (module == 0 ? 0 : module - 1).ToString(CultureInfo.InvariantCulture);
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Net.Http;
            using System.Security.Cryptography;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;
            using Microsoft.CodeAnalysis.Text;

            namespace Contoso.Assistant.Feature{{n}};

            public sealed class Feature{{n}}Service : IAssistantFeature
            {
                private readonly TelemetryClient _telemetry;
                private readonly HttpClient _http;
                private readonly Dictionary<string, int> _counts = new Dictionary<string, int>(StringComparer.Ordinal);
                private readonly List<string> _recent = new List<string>();
                private string _lastSymbol = string.Empty;
                private int _selections;

                public Feature{{n}}Service(TelemetryClient telemetry, HttpClient http)
                {
                    _telemetry = telemetry;
                    _http = http;
                }

                public string Name => "Feature{{n}}";

                public void OnSymbolSelected(ISymbol symbol)
                {
                    _selections++;
                    {{EditPoint}}
            {{SymbolSelected(module)}}
                }

                public async Task OnDocumentSavedAsync(Document document, CancellationToken cancellationToken)
                {
            {{DocumentSaved(module)}}
                }

                public int Score(string text)
                {
                    var score = 0;
                    foreach (var word in Helpers.Words(text))
                    {
                        if (_counts.TryGetValue(word, out var count))
                        {
                            score += count;
                        }
                        else if (word.Length > 3)
                        {
                            score++;
                        }
                    }

                    return score;
                }

                public void OnCompleted(int items, TimeSpan elapsed)
                {
                    var properties = new Dictionary<string, string>
                    {
                        ["feature"] = Name,
                        ["items"] = items.ToString(CultureInfo.InvariantCulture),
                    };
                    var metrics = new Dictionary<string, double> { ["milliseconds"] = elapsed.TotalMilliseconds };
                    _telemetry.TrackEvent("Completed", properties, metrics);
                }

                public int CountAccessors(INamedTypeSymbol type)
                {
                    var count = 0;
                    foreach (var member in type.GetMembers())
                    {
                        if (member.Name.StartsWith("Get", StringComparison.Ordinal) || member.Name.StartsWith("Set", StringComparison.Ordinal))
                        {
                            count++;
                            _counts[member.Name] = _counts.TryGetValue(member.Name, out var seen) ? seen + 1 : 1;
                        }
                    }

                    return count;
                }

                public IReadOnlyList<string> VisibleNames(IEnumerable<ISymbol> symbols) =>
                    symbols.Where(s => !s.IsImplicitlyDeclared && s.DeclaredAccessibility == Accessibility.Public)
                        .Select(s => s.Name)
                        .OrderBy(s => s, StringComparer.Ordinal)
                        .ToList();

                public void ReportShape(SyntaxNode node)
                {
                    var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(node.ToString())));
                    _telemetry.TrackEvent("Shape", new Dictionary<string, string> { ["hash"] = hash, ["kind"] = node.RawKind.ToString(CultureInfo.InvariantCulture) });
                }

                public void ReportSize(SyntaxTree tree)
                {
                    var length = tree.GetText().Length;
                    _telemetry.TrackMetric("DocumentLength", length);
                }

                public string Chain(ISymbol symbol) => Contoso.Assistant.Feature{{previous}}.Helpers.Format(Describe(symbol));

                public void Flush()
                {
                    if (_recent.Count > 0)
                    {
            {{Flush(module)}}
                        _recent.Clear();
                    }
                }

                public void Inspect(SyntaxNode node)
                {
            {{Inspect(module)}}
                }

                private static string Describe(ISymbol symbol) =>
                    symbol.ContainingType is null ? symbol.Name : symbol.ContainingType.Name + "." + symbol.Name;

                private static string Summarize(string text) => text.Length > 200 ? text.Substring(0, 200) : text;
            }
            """;
    }

    private static string SymbolSelected(int module) => (module % 4) switch
    {
        // A symbol name through a local helper into an event's properties: EXF1002.
        0 => """
                    var description = Describe(symbol);
                    _telemetry.TrackEvent("SymbolSelected", new Dictionary<string, string> { ["symbol"] = description });
            """,

        // Through a call chain that crosses into another module's helpers: EXF1002.
        1 => """
                    _telemetry.TrackTrace("Selected " + Chain(symbol));
            """,

        // Kept in a field and a list, sent later by Flush (the field index finds it).
        2 => """
                    _lastSymbol = symbol.Name;
                    _recent.Add(symbol.ToDisplayString());
            """,

        // Only the kind: nothing sensitive.
        _ => """
                    _telemetry.TrackEvent("SymbolSelected", new Dictionary<string, string> { ["kind"] = symbol.Kind.ToString() });
            """,
    };

    private static string DocumentSaved(int module) => (module % 3) switch
    {
        // The document's text posted to a server: EXF1001, and EXF1006 (the endpoint is not declared).
        0 => """
                    var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    using var content = new StringContent(Summarize(text.ToString()), Encoding.UTF8, "text/plain");
                    using var response = await _http.PostAsync(new Uri("https://assistant.contoso.com/v1/context"), content, cancellationToken).ConfigureAwait(false);
            """,

        // Only a count: lengths are sanitizers.
        1 => """
                    var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    _telemetry.TrackMetric("Lines", text.Lines.Count);
            """,

        // A lambda that captures the path and runs later: EXF1003.
        _ => """
                    var path = document.FilePath ?? string.Empty;
                    await Task.Run(() => _telemetry.TrackEvent("Saved", new Dictionary<string, string> { ["file"] = path }), cancellationToken).ConfigureAwait(false);
            """,
    };

    private static string Flush(int module) => (module % 4) == 2
        ? """
                        _telemetry.TrackEvent("Recent", new Dictionary<string, string> { ["last"] = _lastSymbol, ["all"] = string.Join(",", _recent) });
            """
        : """
                        _telemetry.TrackEvent("Recent", new Dictionary<string, string> { ["count"] = _recent.Count.ToString(CultureInfo.InvariantCulture) });
            """;

    private static string Inspect(int module) => (module % 5) == 0
        // A keyword trigger: the event itself carries nothing, but it fires on the code's content (EXF1004).
        ? """
                    if (node.ToString().Contains("password", StringComparison.OrdinalIgnoreCase))
                    {
                        _telemetry.TrackEvent("KeywordSeen");
                    }
            """
        : """
                    if (node.ChildNodes().Count() > 20)
                    {
                        _telemetry.TrackEvent("LargeNode");
                    }
            """;
}
