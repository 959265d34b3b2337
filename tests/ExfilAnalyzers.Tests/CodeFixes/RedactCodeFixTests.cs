using System.Threading.Tasks;
using ExfilAnalyzers.CodeFixes.Redaction;
using ExfilAnalyzers.Tests.Verifiers;
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

    [Fact]
    public Task Dictionary_entries_get_a_keyed_hash_and_the_helper_is_added()
    {
        return new Verify.Test("""
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, SyntaxNode node)
                {
                    var code = node.ToFullString();
                    client.TrackEvent("Analysed", {|EXF1001:{|EXF1002:new Dictionary<string, string>
                    {
                        ["kind"] = symbol.Kind.ToString(),
                        ["name"] = symbol.Name,
                        ["code"] = code, // the whole node
                    }|}|});
                }
            }
            """, """
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, SyntaxNode node)
                {
                    var code = node.ToFullString();
                    client.TrackEvent("Analysed", new Dictionary<string, string>
                    {
                        ["kind"] = symbol.Kind.ToString(),
                        ["name"] = TelemetryKeyedHash.Compute(symbol.Name),
                        ["code"] = TelemetryKeyedHash.Compute(code), // the whole node
                    });
                }
            }
            """)
        {
            CodeActionEquivalenceKey = KeyedHash,
            AddedDocument = (GeneratedHelperText.KeyedHashFile, GeneratedHelperText.KeyedHash),
        }.RunAsync();
    }

    [Fact]
    public Task Redactor_field_in_scope()
    {
        return Verify.VerifyAsync("""
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;
            using Microsoft.Extensions.Compliance.Redaction;

            class Agent(TelemetryClient client, Redactor redactor)
            {
                private readonly Redactor _names = redactor;

                void Report(ISymbol symbol)
                {
                    client.TrackTrace({|EXF1002:"Renamed " + symbol.Name|});
                }
            }
            """, """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;
            using Microsoft.Extensions.Compliance.Redaction;

            class Agent(TelemetryClient client, Redactor redactor)
            {
                private readonly Redactor _names = redactor;

                void Report(ISymbol symbol)
                {
                    client.TrackTrace("Renamed " + _names.Redact(symbol.Name));
                }
            }
            """, "ExfilAnalyzers.Redact.With:_names");
    }

    [Fact]
    public Task Redactor_provider_parameter_gets_the_redactor_for_unknown_data()
    {
        return Verify.VerifyAsync("""
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;
            using Microsoft.Extensions.Compliance.Redaction;

            class Agent
            {
                void Report(TelemetryClient client, IRedactorProvider redactors, Project project)
                {
                    client.TrackTrace({|EXF1003:$"Opened {project.FilePath} at startup"|});
                }
            }
            """, """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;
            using Microsoft.Extensions.Compliance.Classification;
            using Microsoft.Extensions.Compliance.Redaction;

            class Agent
            {
                void Report(TelemetryClient client, IRedactorProvider redactors, Project project)
                {
                    client.TrackTrace($"Opened {redactors.GetRedactor(DataClassification.Unknown).Redact(project.FilePath)} at startup");
                }
            }
            """, "ExfilAnalyzers.Redact.With:redactors");
    }

    [Fact]
    public Task Declared_sanitizer()
    {
        return new Verify.Test("""
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            namespace Contoso.Privacy
            {
                public static class Scrubber
                {
                    public static string Scrub(string value) => value.Length.ToString();
                }
            }

            class Agent
            {
                void Report(TelemetryClient client, ISymbol? symbol)
                {
                    client.TrackEvent({|EXF1002:symbol?.Name|});
                }
            }
            """, """
            using Contoso.Privacy;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            namespace Contoso.Privacy
            {
                public static class Scrubber
                {
                    public static string Scrub(string value) => value.Length.ToString();
                }
            }

            class Agent
            {
                void Report(TelemetryClient client, ISymbol? symbol)
                {
                    client.TrackEvent(Scrubber.Scrub(symbol?.Name ?? ""));
                }
            }
            """)
        {
            Models = "sanitizer M:Contoso.Privacy.Scrubber.Scrub(System.String)",
            CodeActionEquivalenceKey = "ExfilAnalyzers.Redact.With:Scrubber.Scrub",
        }.RunAsync();
    }

    [Fact]
    public Task Collection_initializer_entry_is_removed_and_its_comment_kept()
    {
        return Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    client.TrackEvent("Renamed", {|EXF1002:new Dictionary<string, string>
                    {
                        { "kind", symbol.Kind.ToString() },
                        // What was renamed.
                        { "name", symbol.Name },
                        { "language", symbol.Language }
                    }|});
                }
            }
            """, """
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    client.TrackEvent("Renamed", new Dictionary<string, string>
                    {
                        { "kind", symbol.Kind.ToString() },
                        // What was renamed.
                        { "language", symbol.Language }
                    });
                }
            }
            """, Remove);
    }

    [Fact]
    public Task Interpolation_hole_is_hashed_or_replaced_by_a_placeholder()
    {
        const string Source = """
            using System;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, TimeSpan elapsed)
                {
                    client.TrackTrace({|EXF1002:$"Analysed {symbol.ToDisplayString()} in {elapsed.TotalMilliseconds} ms"|});
                }
            }
            """;
        return Task.WhenAll(
            Verify.VerifyAsync(Source, """
                using System;
                using Microsoft.ApplicationInsights;
                using Microsoft.CodeAnalysis;

                class Agent
                {
                    void Report(TelemetryClient client, ISymbol symbol, TimeSpan elapsed)
                    {
                        client.TrackTrace($"Analysed [removed] in {elapsed.TotalMilliseconds} ms");
                    }
                }
                """, Remove),
            new Verify.Test(Source, """
                using System;
                using Microsoft.ApplicationInsights;
                using Microsoft.CodeAnalysis;

                class Agent
                {
                    void Report(TelemetryClient client, ISymbol symbol, TimeSpan elapsed)
                    {
                        client.TrackTrace($"Analysed {TelemetryKeyedHash.Compute(symbol.ToDisplayString())} in {elapsed.TotalMilliseconds} ms");
                    }
                }
                """)
            {
                CodeActionEquivalenceKey = KeyedHash,
                AddedDocument = (GeneratedHelperText.KeyedHashFile, GeneratedHelperText.KeyedHash),
            }.RunAsync());
    }

    [Fact]
    public Task Receiver_collection_filled_earlier_loses_the_entry()
    {
        return Verify.VerifyAsync("""
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                async Task Report(HttpClient http, ISymbol symbol)
                {
                    http.DefaultRequestHeaders.Add("X-Client", "assistant");
                    http.DefaultRequestHeaders.Add("X-Symbol", symbol.Name);
                    using var response = await {|EXF1002:{|EXF1006:http.GetAsync("https://example.net/ping")|}|};
                }
            }
            """, """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                async Task Report(HttpClient http, ISymbol symbol)
                {
                    http.DefaultRequestHeaders.Add("X-Client", "assistant");
                    using var response = await http.GetAsync("https://example.net/ping");
                }
            }
            """, Remove);
    }

    [Fact]
    public Task Every_write_into_the_sent_dictionary_is_found_in_one_fix()
    {
        return Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var name = symbol.Name;
                    var properties = new Dictionary<string, string>();
                    properties["label"] = "symbol " + name;
                    properties.Add("name", name);
                    properties["kind"] = symbol.Kind.ToString();
                    client.TrackEvent("Analysed", {|EXF1002:properties|});
                }
            }
            """, """
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var name = symbol.Name;
                    var properties = new Dictionary<string, string>();
                    properties["label"] = "symbol " + "[removed]";
                    properties["kind"] = symbol.Kind.ToString();
                    client.TrackEvent("Analysed", properties);
                }
            }
            """, Remove);
    }

    [Fact]
    public Task Tag_and_telemetry_property_are_removed_with_their_statements()
    {
        return Verify.VerifyAsync("""
            using System.Diagnostics;
            using Microsoft.ApplicationInsights;
            using Microsoft.ApplicationInsights.DataContracts;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Tag(ISymbol symbol)
                {
                    Activity.Current?.SetTag("kind", symbol.Kind.ToString());
                    Activity.Current?.SetTag("symbol", {|EXF1002:symbol.Name|});
                }

                void Property(TelemetryClient client, ISymbol symbol)
                {
                    var item = new EventTelemetry("Renamed");
                    item.Properties["symbol"] = symbol.Name;
                    client.TrackEvent({|EXF1002:item|});
                }

                void Global(TelemetryClient client, Solution solution)
                {
                    client.Context.GlobalProperties["solution"] = {|EXF1003:solution.FilePath|};
                    client.TrackEvent("Opened");
                }
            }
            """, """
            using System.Diagnostics;
            using Microsoft.ApplicationInsights;
            using Microsoft.ApplicationInsights.DataContracts;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Tag(ISymbol symbol)
                {
                    Activity.Current?.SetTag("kind", symbol.Kind.ToString());
                }

                void Property(TelemetryClient client, ISymbol symbol)
                {
                    var item = new EventTelemetry("Renamed");
                    client.TrackEvent(item);
                }

                void Global(TelemetryClient client, Solution solution)
                {
                    client.TrackEvent("Opened");
                }
            }
            """, Remove);
    }

    [Fact]
    public Task Expression_bodied_member_lambda_and_params_element()
    {
        return Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            static class Uploader
            {
                public static void Send(TelemetryClient client, params string[] values)
                {
                    foreach (var value in values) client.TrackTrace(value);
                }
            }

            class Agent(TelemetryClient client)
            {
                void Body(ISymbol symbol) => client.TrackTrace({|EXF1002:symbol.Name|});

                void Lambda(List<ISymbol> symbols) => symbols.ForEach(s => client.TrackTrace({|EXF1002:s.MetadataName|}));

                void Params(ISymbol symbol) => {|EXF1002:Uploader.Send(client, "start", symbol.Name, "end")|};
            }
            """, """
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            static class Uploader
            {
                public static void Send(TelemetryClient client, params string[] values)
                {
                    foreach (var value in values) client.TrackTrace(value);
                }
            }

            class Agent(TelemetryClient client)
            {
                void Body(ISymbol symbol) => client.TrackTrace("[removed]");

                void Lambda(List<ISymbol> symbols) => symbols.ForEach(s => client.TrackTrace("[removed]"));

                void Params(ISymbol symbol) => Uploader.Send(client, "start", "[removed]", "end");
            }
            """, Remove);
    }

    [Fact]
    public Task Top_level_statements()
    {
        return new Verify.Test("""
            using Microsoft.ApplicationInsights;
            using Microsoft.ApplicationInsights.Extensibility;
            using Microsoft.CodeAnalysis.CSharp;

            var client = new TelemetryClient(new TelemetryConfiguration());
            var tree = CSharpSyntaxTree.ParseText("class C { }");
            client.TrackTrace({|EXF1001:tree.GetRoot().ToFullString()|});
            """, """
            using Microsoft.ApplicationInsights;
            using Microsoft.ApplicationInsights.Extensibility;
            using Microsoft.CodeAnalysis.CSharp;

            var client = new TelemetryClient(new TelemetryConfiguration());
            var tree = CSharpSyntaxTree.ParseText("class C { }");
            client.TrackTrace(TelemetryKeyedHash.Compute(tree.GetRoot().ToFullString()));
            """)
        {
            IsProgram = true,
            CodeActionEquivalenceKey = KeyedHash,
            AddedDocument = (GeneratedHelperText.KeyedHashFile, GeneratedHelperText.KeyedHash),
        }.RunAsync();
    }

    [Fact]
    public async Task Each_redactor_in_scope_is_offered_and_no_keyed_hash_where_hashes_are_not_redaction()
    {
        var titles = await OfferedFixes.TitlesAsync(new RedactCodeFixProvider(), """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;
            using Microsoft.Extensions.Compliance.Redaction;

            namespace Contoso.Privacy
            {
                public static class Scrubber
                {
                    public static string Scrub(string value) => value.Length.ToString();
                }
            }

            class Agent(TelemetryClient client)
            {
                private readonly Redactor _names = NullRedactor.Instance;

                void Report(ISymbol symbol, IRedactorProvider redactors)
                {
                    client.TrackEvent(symbol.Name);
                }

                static void Elsewhere(TelemetryClient client, ISymbol symbol)
                {
                    client.TrackEvent(symbol.Name);
                }
            }
            """,
            models: "sanitizer M:Contoso.Privacy.Scrubber.Scrub(System.String)",
            globalConfig: "exfil_analyzers.hash_is_redaction = false");

        Assert.Equal(new[]
        {
            "EXF1002: Redact with redactors",
            "EXF1002: Redact with _names",
            "EXF1002: Redact with Scrubber.Scrub",
            "EXF1002: Remove the value",
            "EXF1002: Redact with Scrubber.Scrub",
            "EXF1002: Remove the value",
        }, titles);
    }

    [Fact]
    public Task Obfuscated_upload_is_hashed_before_it_is_encoded()
    {
        return new Verify.Test("""
            using System;
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                async Task Upload(HttpClient http, SyntaxNode node)
                {
                    var payload = new StringContent(Convert.ToBase64String(Encoding.UTF8.GetBytes(node.ToFullString())));
                    using var response = await http.PostAsync("https://example.net/upload", {|EXF1001:{|EXF1005:{|EXF1006:payload|}|}|});
                }
            }
            """, """
            using System;
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                async Task Upload(HttpClient http, SyntaxNode node)
                {
                    var payload = new StringContent(Convert.ToBase64String(Encoding.UTF8.GetBytes(TelemetryKeyedHash.Compute(node.ToFullString()))));
                    using var response = await http.PostAsync("https://example.net/upload", payload);
                }
            }
            """)
        {
            CodeActionEquivalenceKey = KeyedHash,
            AddedDocument = (GeneratedHelperText.KeyedHashFile, GeneratedHelperText.KeyedHash),
        }.RunAsync();
    }

    [Fact]
    public Task Fix_all_adds_one_helper_per_project()
    {
        var test = new Verify.Test("""
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol) => client.TrackEvent({|EXF1002:symbol.Name|});
            }
            """, """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol) => client.TrackEvent(TelemetryKeyedHash.Compute(symbol.Name));
            }
            """)
        {
            CodeActionEquivalenceKey = KeyedHash,
        };
        test.TestState.Sources.Add(("/0/Other.cs", """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Other
            {
                void Report(TelemetryClient client, Project project) => client.TrackTrace({|EXF1003:project.Name|});
            }
            """));
        test.FixedState.Sources.Add(("/0/Other.cs", """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Other
            {
                void Report(TelemetryClient client, Project project) => client.TrackTrace(TelemetryKeyedHash.Compute(project.Name));
            }
            """));
        test.FixedState.Sources.Add((GeneratedHelperText.KeyedHashFile, GeneratedHelperText.KeyedHash));
        var second = test.TestState.AdditionalProjects["Second"];
        second.AdditionalReferences.AddRange(TestReferences.All);
        second.Sources.Add(("/1/Third.cs", """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Third
            {
                void Report(TelemetryClient client, Document document) => client.TrackTrace({|EXF1001:document.GetTextAsync().Result.ToString()|});
            }
            """));
        var secondFixed = test.FixedState.AdditionalProjects["Second"];
        secondFixed.AdditionalReferences.AddRange(TestReferences.All);
        secondFixed.Sources.Add(("/1/Third.cs", """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Third
            {
                void Report(TelemetryClient client, Document document) => client.TrackTrace(TelemetryKeyedHash.Compute(document.GetTextAsync().Result.ToString()));
            }
            """));
        secondFixed.Sources.Add((GeneratedHelperText.KeyedHashFile, GeneratedHelperText.KeyedHash.Replace("\"TestProject\"", "\"Second\"")));
        return test.RunAsync();
    }

    [Fact]
    public Task Anonymous_member_keeps_the_name_it_was_inferred_from()
    {
        return new Verify.Test("""
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;
            using Mixpanel;

            class Agent
            {
                Task<bool> Report(IMixpanelClient mixpanel, ISymbol symbol) =>
                    mixpanel.TrackAsync("Renamed", "user", {|EXF1002:new { symbol.Kind, symbol.Name }|});
            }
            """, """
            using System.Threading.Tasks;
            using Microsoft.CodeAnalysis;
            using Mixpanel;

            class Agent
            {
                Task<bool> Report(IMixpanelClient mixpanel, ISymbol symbol) =>
                    mixpanel.TrackAsync("Renamed", "user", new { symbol.Kind, Name = TelemetryKeyedHash.Compute(symbol.Name) });
            }
            """)
        {
            CodeActionEquivalenceKey = KeyedHash,
            AddedDocument = (GeneratedHelperText.KeyedHashFile, GeneratedHelperText.KeyedHash),
        }.RunAsync();
    }

    [Fact]
    public Task Tag_pair_in_a_tag_list_is_removed()
    {
        return Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Diagnostics;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                private static readonly ActivitySource Source = new("Contoso.Assistant");

                void Report(ISymbol symbol)
                {
                    using var activity = Source.StartActivity("Analyse", ActivityKind.Internal, default(ActivityContext), {|EXF1002:new[]
                    {
                        new KeyValuePair<string, object?>("kind", symbol.Kind.ToString()),
                        new KeyValuePair<string, object?>("name", symbol.Name),
                    }|});
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Diagnostics;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                private static readonly ActivitySource Source = new("Contoso.Assistant");

                void Report(ISymbol symbol)
                {
                    using var activity = Source.StartActivity("Analyse", ActivityKind.Internal, default(ActivityContext), new[]
                    {
                        new KeyValuePair<string, object?>("kind", symbol.Kind.ToString()),
                    });
                }
            }
            """, Remove);
    }

    [Fact]
    public Task Call_of_your_own_helper_is_fixed_at_the_call_not_inside_the_helper()
    {
        return Verify.VerifyAsync("""
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var names = new List<string>();
                    names.Add(symbol.Name);
                    Send(client, {|EXF1002:names|});
                }

                static void Send(TelemetryClient client, List<string> names)
                {
                    var joined = string.Join(",", names);
                    client.TrackTrace(joined);
                }
            }
            """, """
            using System.Collections.Generic;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var names = new List<string>();
                    names.Add("[removed]");
                    Send(client, names);
                }

                static void Send(TelemetryClient client, List<string> names)
                {
                    var joined = string.Join(",", names);
                    client.TrackTrace(joined);
                }
            }
            """, Remove);
    }
}
