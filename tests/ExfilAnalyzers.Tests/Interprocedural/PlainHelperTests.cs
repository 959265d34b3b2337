using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// Helpers of the user's own code that call nothing modelled and nothing of the compilation: their bodies
/// say what they do with what they are given, not the rule for library code nobody modelled.
/// </summary>
public class PlainHelperTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task A_helper_that_returns_a_constant_redacts()
    {
        return VerifyAsync(Usings + """
            static class Redaction
            {
                public static string Redact(string text) => "<redacted>";
            }

            class Host
            {
                private static readonly TelemetryClient Client = new();

                void OnSymbol(ISymbol symbol)
                {
                    Client.TrackEvent(Redaction.Redact(symbol.Name));
                }
            }
            """);
    }

    [Fact]
    public Task A_helper_that_masks_its_text_redacts()
    {
        return VerifyAsync(Usings + """
            static class Redaction
            {
                public static string Mask(string text) => new string('*', text.Length);

                public static string Kind(string text) => text.Length > 20 ? "long" : "short";
            }

            class Host
            {
                private static readonly TelemetryClient Client = new();

                void OnSymbol(ISymbol symbol)
                {
                    Client.TrackEvent(Redaction.Mask(symbol.Name));
                    Client.TrackEvent(Redaction.Kind(symbol.Name));
                }
            }
            """);
    }

    [Fact]
    public Task A_helper_that_passes_its_text_on_still_leaks()
    {
        return VerifyAsync(Usings + """
            static class Text
            {
                public static string Tidy(string text) => text.Trim().ToLowerInvariant();

                public static void Fill(System.Text.StringBuilder builder, string text)
                {
                    builder.Append(text);
                }
            }

            class Host
            {
                private static readonly TelemetryClient Client = new();

                void OnSymbol(ISymbol symbol)
                {
                    Client.TrackEvent({|EXF1002:Text.Tidy(symbol.Name)|});
                    var builder = new System.Text.StringBuilder();
                    Text.Fill(builder, symbol.Name);
                    Client.TrackEvent({|EXF1002:builder.ToString()|});
                }
            }
            """);
    }

    [Fact]
    public Task A_helper_that_adds_its_text_to_a_list_fills_the_list()
    {
        return VerifyAsync(Usings + """
            static class Collect
            {
                public static void Into(List<string> list, string text)
                {
                    list.Add(text);
                }
            }

            class Host
            {
                private static readonly TelemetryClient Client = new();

                void OnSymbol(ISymbol symbol)
                {
                    var names = new List<string>();
                    Collect.Into(names, symbol.Name);
                    Client.TrackEvent({|EXF1002:string.Join(",", names)|});
                }
            }
            """);
    }
}
