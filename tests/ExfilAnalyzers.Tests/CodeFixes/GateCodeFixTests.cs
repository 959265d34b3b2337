using System.Threading.Tasks;
using Xunit;
using Verify = ExfilAnalyzers.Tests.Verifiers.CodeFixVerifier<ExfilAnalyzers.CodeFixes.Gating.GateCodeFixProvider>;

namespace ExfilAnalyzers.Tests.CodeFixes;

/// <summary>Gate (EXF1001–EXF1007): the sink's statement, or the smallest region that keeps await, using and return, runs only with consent.</summary>
public class GateCodeFixTests
{
    private const string OptIn = "ExfilAnalyzers.Gate.OptIn";

    private const string Consent = """
        namespace Contoso.Telemetry
        {
            public static class Consent
            {
                public static bool IsGranted { get; set; }
            }

            public sealed class ConsentState
            {
                public bool Allowed { get; set; }
            }
        }
        """;

    [Fact]
    public Task Statement_gets_the_generated_opt_in_check_and_its_comment_stays_above()
    {
        return new Verify.Test("""
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var kind = symbol.Kind;
                    // Which symbol was renamed.
                    client.TrackEvent({|EXF1002:symbol.Name|}); // one event per rename
                    client.Flush();
                }
            }
            """, """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var kind = symbol.Kind;
                    // Which symbol was renamed.
                    if (TelemetryOptIn.IsEnabled)
                    {
                        client.TrackEvent(symbol.Name); // one event per rename
                    }
                    client.Flush();
                }
            }
            """)
        {
            CodeActionEquivalenceKey = OptIn,
            AddedDocument = (GeneratedHelperText.OptInFile, GeneratedHelperText.OptIn),
        }.RunAsync();
    }

    [Fact]
    public Task Declared_static_gate_is_preferred_and_its_using_goes_below_the_file_header()
    {
        return new Verify.Test("// Copyright Contoso.\n\n" + Consent + """

            class Agent
            {
                void Report(Microsoft.ApplicationInsights.TelemetryClient client, Microsoft.CodeAnalysis.Document document)
                {
                    client.TrackTrace({|EXF1003:document.FilePath|});
                }
            }
            """, "// Copyright Contoso.\n\nusing Contoso.Telemetry;\n\n" + Consent + """

            class Agent
            {
                void Report(Microsoft.ApplicationInsights.TelemetryClient client, Microsoft.CodeAnalysis.Document document)
                {
                    if (Consent.IsGranted)
                    {
                        client.TrackTrace(document.FilePath);
                    }
                }
            }
            """)
        {
            Models = "gate P:Contoso.Telemetry.Consent.IsGranted",
            CodeActionEquivalenceKey = "ExfilAnalyzers.Gate.Declared:P:Contoso.Telemetry.Consent.IsGranted",
        }.RunAsync();
    }

    [Fact]
    public Task Declared_instance_gate_through_a_field()
    {
        return new Verify.Test(Consent + """

            namespace Contoso.Assistant
            {
                using Contoso.Telemetry;
                using Microsoft.ApplicationInsights;
                using Microsoft.CodeAnalysis;

                class Agent(TelemetryClient client, ConsentState consent)
                {
                    private readonly ConsentState _consent = consent;

                    void Report(ISymbol symbol) => client.TrackTrace({|EXF1002:symbol.Name|});
                }
            }
            """, Consent + """

            namespace Contoso.Assistant
            {
                using Contoso.Telemetry;
                using Microsoft.ApplicationInsights;
                using Microsoft.CodeAnalysis;

                class Agent(TelemetryClient client, ConsentState consent)
                {
                    private readonly ConsentState _consent = consent;

                    void Report(ISymbol symbol)
                    {
                        if (_consent.Allowed)
                        {
                            client.TrackTrace(symbol.Name);
                        }
                    }
                }
            }
            """)
        {
            Models = "gate P:Contoso.Telemetry.ConsentState.Allowed",
            CodeActionEquivalenceKey = "ExfilAnalyzers.Gate.Declared:P:Contoso.Telemetry.ConsentState.Allowed",
        }.RunAsync();
    }

    [Fact]
    public Task Using_declaration_keeps_its_scope_and_await_stays_in_the_async_method()
    {
        return new Verify.Test("""
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                async Task Upload(HttpClient http, SyntaxNode node)
                {
                    var length = node.FullSpan.Length;
                    using var response = await http.PostAsync("https://example.net/upload", {|EXF1001:{|EXF1006:new StringContent(node.ToFullString())|}|});
                    var status = response.StatusCode;
                    System.Console.WriteLine(status);
                }
            }
            """, """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                async Task Upload(HttpClient http, SyntaxNode node)
                {
                    var length = node.FullSpan.Length;
                    if (TelemetryOptIn.IsEnabled)
                    {
                        using var response = await http.PostAsync("https://example.net/upload", new StringContent(node.ToFullString()));
                        var status = response.StatusCode;
                        System.Console.WriteLine(status);
                    }
                }
            }
            """)
        {
            CodeActionEquivalenceKey = OptIn,
            AddedDocument = (GeneratedHelperText.OptInFile, GeneratedHelperText.OptIn),
        }.RunAsync();
    }

    [Fact]
    public Task Variables_declared_by_the_sink_statement_go_in_with_their_uses()
    {
        return new Verify.Test("""
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;
            using Mixpanel;

            class Agent
            {
                async Task Report(IMixpanelClient mixpanel, ISymbol symbol)
                {
                    var sent = await mixpanel.TrackAsync("Renamed", "user", {|EXF1002:symbol.Name|});
                    System.Console.WriteLine(sent);
                    System.Console.WriteLine("done");
                }
            }
            """, """
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;
            using Mixpanel;

            class Agent
            {
                async Task Report(IMixpanelClient mixpanel, ISymbol symbol)
                {
                    if (TelemetryOptIn.IsEnabled)
                    {
                        var sent = await mixpanel.TrackAsync("Renamed", "user", symbol.Name);
                        System.Console.WriteLine(sent);
                    }
                    System.Console.WriteLine("done");
                }
            }
            """)
        {
            CodeActionEquivalenceKey = OptIn,
            AddedDocument = (GeneratedHelperText.OptInFile, GeneratedHelperText.OptIn),
        }.RunAsync();
    }

    [Fact]
    public Task A_returned_send_gets_no_gate()
    {
        const string Source = """
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;
            using Mixpanel;

            class Agent
            {
                Task<bool> Report(IMixpanelClient mixpanel, ISymbol symbol)
                {
                    return mixpanel.TrackAsync("Renamed", "user", {|EXF1002:symbol.Name|});
                }

                Task<bool> Body(IMixpanelClient mixpanel, ISymbol symbol) => mixpanel.TrackAsync("Renamed", "user", {|EXF1002:symbol.Name|});
            }
            """;
        return new Verify.Test(Source, Source) { CodeActionEquivalenceKey = OptIn }.RunAsync();
    }

    [Fact]
    public Task Embedded_statement_becomes_a_block_and_else_keeps_its_if()
    {
        return new Verify.Test("""
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, bool verbose)
                {
                    if (verbose)
                        client.TrackTrace({|EXF1002:symbol.ToDisplayString()|});
                    else
                        client.TrackTrace({|EXF1002:symbol.Name|});
                }
            }
            """, """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, bool verbose)
                {
                    if (verbose)
                    {
                        if (TelemetryOptIn.IsEnabled)
                        {
                            client.TrackTrace(symbol.ToDisplayString());
                        }
                    }
                    else
                    {
                        if (TelemetryOptIn.IsEnabled)
                        {
                            client.TrackTrace(symbol.Name);
                        }
                    }
                }
            }
            """)
        {
            CodeActionEquivalenceKey = OptIn,
            AddedDocument = (GeneratedHelperText.OptInFile, GeneratedHelperText.OptIn),
        }.RunAsync();
    }

    [Fact]
    public Task Expression_bodied_member_and_lambda_body_become_blocks()
    {
        return new Verify.Test("""
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent(TelemetryClient client)
            {
                void Body(ISymbol symbol) => client.TrackTrace({|EXF1002:symbol.Name|});

                void Lambda(List<ISymbol> symbols)
                {
                    symbols.ForEach(s => client.TrackTrace({|EXF1002:s.MetadataName|}));
                }
            }
            """, """
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent(TelemetryClient client)
            {
                void Body(ISymbol symbol)
                {
                    if (TelemetryOptIn.IsEnabled)
                    {
                        client.TrackTrace(symbol.Name);
                    }
                }

                void Lambda(List<ISymbol> symbols)
                {
                    symbols.ForEach(s =>
                    {
                        if (TelemetryOptIn.IsEnabled)
                        {
                            client.TrackTrace(s.MetadataName);
                        }
                    });
                }
            }
            """)
        {
            CodeActionEquivalenceKey = OptIn,
            AddedDocument = (GeneratedHelperText.OptInFile, GeneratedHelperText.OptIn),
        }.RunAsync();
    }

    [Fact]
    public Task Top_level_statements()
    {
        return new Verify.Test("""
            using Microsoft.ApplicationInsights;
            using Microsoft.ApplicationInsights.Extensibility;

            var client = new TelemetryClient(new TelemetryConfiguration());
            var folder = System.Environment.CurrentDirectory;
            client.TrackTrace({|EXF1003:folder|});
            client.Flush();
            """, """
            using Microsoft.ApplicationInsights;
            using Microsoft.ApplicationInsights.Extensibility;

            var client = new TelemetryClient(new TelemetryConfiguration());
            var folder = System.Environment.CurrentDirectory;
            if (TelemetryOptIn.IsEnabled)
            {
                client.TrackTrace(folder);
            }
            client.Flush();
            """)
        {
            IsProgram = true,
            CodeActionEquivalenceKey = OptIn,
            AddedDocument = (GeneratedHelperText.OptInFile, GeneratedHelperText.OptIn),
        }.RunAsync();
    }

    [Fact]
    public Task Ungated_telemetry_and_keyword_trigger_nested_in_one_check()
    {
        return new Verify.Test("""
            using System.Diagnostics;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                private static readonly ActivitySource Source = new("Contoso.Assistant");

                void Report(SyntaxNode node, ISymbol symbol)
                {
                    using var activity = {|EXF1007:Source.StartActivity("Analyse")|};
                    if (node.ToFullString().Contains("Secret"))
                    {
                        activity?{|EXF1004:{|EXF1007:.SetTag("symbol", {|EXF1002:symbol.Name|})|}|};
                    }
                }
            }
            """, """
            using System.Diagnostics;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                private static readonly ActivitySource Source = new("Contoso.Assistant");

                void Report(SyntaxNode node, ISymbol symbol)
                {
                    if (TelemetryOptIn.IsEnabled)
                    {
                        using var activity = Source.StartActivity("Analyse");
                        if (node.ToFullString().Contains("Secret"))
                        {
                            activity?.SetTag("symbol", symbol.Name);
                        }
                    }
                }
            }
            """)
        {
            RequireConsentForAllTelemetry = true,
            CodeActionEquivalenceKey = OptIn,
            AddedDocument = (GeneratedHelperText.OptInFile, GeneratedHelperText.OptIn),
        }.RunAsync();
    }

    [Fact]
    public Task Not_offered_in_audit_mode_where_a_gate_would_not_silence_the_finding()
    {
        const string Source = """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    client.TrackEvent({|EXF1002:symbol.Name|});
                }
            }
            """;
        return new Verify.Test(Source, Source) { GlobalConfig = "exfil_analyzers.report_gated = true" }.RunAsync();
    }

    [Fact]
    public Task A_region_that_would_skip_a_return_grows_to_the_whole_void_body()
    {
        return new Verify.Test("""
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;
            using Mixpanel;

            class Agent
            {
                async Task Report(IMixpanelClient mixpanel, ISymbol symbol)
                {
                    // Report once per symbol.
                    var sent = await mixpanel.TrackAsync("Renamed", "user", {|EXF1002:symbol.Name|});
                    if (!sent)
                    {
                        return;
                    }

                    System.Console.WriteLine("sent");
                }
            }
            """, """
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;
            using Mixpanel;

            class Agent
            {
                async Task Report(IMixpanelClient mixpanel, ISymbol symbol)
                {
                    // Report once per symbol.
                    if (TelemetryOptIn.IsEnabled)
                    {
                        var sent = await mixpanel.TrackAsync("Renamed", "user", symbol.Name);
                        if (!sent)
                        {
                            return;
                        }

                        System.Console.WriteLine("sent");
                    }
                }
            }
            """)
        {
            CodeActionEquivalenceKey = OptIn,
            AddedDocument = (GeneratedHelperText.OptInFile, GeneratedHelperText.OptIn),
        }.RunAsync();
    }

    [Fact]
    public Task An_existing_opt_in_check_is_reused_and_a_block_namespace_gets_a_using_only_outside_it()
    {
        var test = new Verify.Test("""
            namespace Contoso.Assistant.Editor
            {
                using Microsoft.ApplicationInsights;
                using Microsoft.CodeAnalysis;

                class Agent
                {
                    void Report(TelemetryClient client, ISymbol symbol)
                    {
                        client.TrackEvent({|EXF1002:symbol.Name|});
                    }
                }
            }
            """, """
            namespace Contoso.Assistant.Editor
            {
                using Microsoft.ApplicationInsights;
                using Microsoft.CodeAnalysis;

                class Agent
                {
                    void Report(TelemetryClient client, ISymbol symbol)
                    {
                        if (TelemetryOptIn.IsEnabled)
                        {
                            client.TrackEvent(symbol.Name);
                        }
                    }
                }
            }
            """)
        {
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3,
            DefaultNamespace = "Contoso.Assistant",
            CodeActionEquivalenceKey = OptIn,
        };
        const string Existing = """
            namespace Contoso.Assistant
            {
                internal static class TelemetryOptIn
                {
                    public static bool IsEnabled => System.Environment.GetEnvironmentVariable("CONTOSO_TELEMETRY_OPTIN") == "1";
                }
            }
            """;
        test.TestState.Sources.Add(("/0/TelemetryOptIn.cs", Existing));
        test.FixedState.Sources.Add(("/0/TelemetryOptIn.cs", Existing));
        return test.RunAsync();
    }

    [Fact]
    public Task A_CSharp_7_3_project_gets_a_helper_it_can_compile()
    {
        return new Verify.Test("""
            namespace Contoso.Assistant
            {
                using Microsoft.ApplicationInsights;
                using Microsoft.CodeAnalysis;

                class Agent
                {
                    void Report(TelemetryClient client, ISymbol symbol)
                    {
                        client.TrackEvent({|EXF1002:symbol.Name|});
                    }
                }
            }
            """, """
            namespace Contoso.Assistant
            {
                using Microsoft.ApplicationInsights;
                using Microsoft.CodeAnalysis;

                class Agent
                {
                    void Report(TelemetryClient client, ISymbol symbol)
                    {
                        if (TelemetryOptIn.IsEnabled)
                        {
                            client.TrackEvent(symbol.Name);
                        }
                    }
                }
            }
            """)
        {
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3,
            DefaultNamespace = "Contoso.Assistant",
            CodeActionEquivalenceKey = OptIn,
            AddedDocument = (GeneratedHelperText.OptInFile, """
                using System;

                namespace Contoso.Assistant
                {
                    /// <summary>
                    /// Consent to send telemetry: off until the user sets TESTPROJECT_TELEMETRY_OPTIN=1. Added by the
                    /// ExfilAnalyzers code fix "Gate"; the analyzers recognise the check as a consent gate.
                    /// </summary>
                    internal static class TelemetryOptIn
                    {
                        /// <summary>The environment variable that turns telemetry on.</summary>
                        public const string Variable = "TESTPROJECT_TELEMETRY_OPTIN";

                        /// <summary>True only when the user opted in.</summary>
                        public static bool IsEnabled => Environment.GetEnvironmentVariable(Variable) == "1";
                    }
                }

                """),
        }.RunAsync();
    }

    [Fact]
    public Task Dictionary_entry_and_receiver_collection_sinks_each_get_their_statement_gated()
    {
        return new Verify.Test("""
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                async Task Report(TelemetryClient client, HttpClient http, ISymbol symbol)
                {
                    client.TrackEvent("Renamed", {|EXF1002:new Dictionary<string, string>
                    {
                        ["name"] = symbol.Name,
                    }|});
                    http.DefaultRequestHeaders.Add("X-Symbol", symbol.Name);
                    using var response = await {|EXF1002:{|EXF1006:http.GetAsync("https://example.net/ping")|}|};
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                async Task Report(TelemetryClient client, HttpClient http, ISymbol symbol)
                {
                    if (TelemetryOptIn.IsEnabled)
                    {
                        client.TrackEvent("Renamed", new Dictionary<string, string>
                        {
                            ["name"] = symbol.Name,
                        });
                    }
                    http.DefaultRequestHeaders.Add("X-Symbol", symbol.Name);
                    if (TelemetryOptIn.IsEnabled)
                    {
                        using var response = await http.GetAsync("https://example.net/ping");
                    }
                }
            }
            """)
        {
            CodeActionEquivalenceKey = OptIn,
            AddedDocument = (GeneratedHelperText.OptInFile, GeneratedHelperText.OptIn),
        }.RunAsync();
    }
}
