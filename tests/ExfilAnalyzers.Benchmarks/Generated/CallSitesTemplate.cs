using System.Globalization;
using System.Text;

namespace ExfilAnalyzers.Benchmarks.Generated;

/// <summary>
/// The call-site series: one helper, <c>TelemetryGateway.Send</c>, sends its parameter to
/// <c>TelemetryClient.TrackEvent</c>, and many methods each call it once with a symbol's name. The flow is
/// reported at each call site, where the name is passed (the helper itself has nothing sensitive of its own),
/// so there is one finding per call site.
/// </summary>
internal static class CallSitesTemplate
{
    /// <summary>Call sites per file: a few hundred lines, like a real class.</summary>
    public const int SitesPerFile = 50;

    /// <summary>The sources passed, in turn: every one is a symbol's name to the analyzer (EXF1002).</summary>
    private static readonly string[] Sources = { "symbol.Name", "symbol.MetadataName", "symbol.ToDisplayString()" };

    public const string GatewayPath = "Sites/TelemetryGateway.cs";

    public const string Gateway = """
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;

        namespace Contoso.Sites;

        public sealed class TelemetryGateway
        {
            private readonly TelemetryClient _telemetry;

            public TelemetryGateway(TelemetryClient telemetry)
            {
                _telemetry = telemetry;
            }

            public void Send(string value) => _telemetry.TrackEvent("Selected", new Dictionary<string, string> { ["value"] = value });
        }
        """;

    public static string CallersPath(int file) => $"Sites/Callers{file.ToString(CultureInfo.InvariantCulture)}.cs";

    /// <summary>A class whose methods each call the gateway once, for sites [first, first + count).</summary>
    public static string Callers(int file, int first, int count)
    {
        var methods = new StringBuilder();
        for (var site = first; site < first + count; site++)
        {
            methods.Append(CultureInfo.InvariantCulture, $"    public void OnSelected{site}(ISymbol symbol) => _gateway.Send({Sources[site % Sources.Length]});\n\n");
        }

        var f = file.ToString(CultureInfo.InvariantCulture);
        return $$"""
            using Microsoft.CodeAnalysis;

            namespace Contoso.Sites;

            public sealed class Callers{{f}}
            {
                private readonly TelemetryGateway _gateway;

                public Callers{{f}}(TelemetryGateway gateway)
                {
                    _gateway = gateway;
                }

            {{methods.ToString().TrimEnd()}}
            }
            """;
    }
}
