using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Tactics;

/// <summary>EXF1004: a sink that runs only when a condition over sensitive content holds.</summary>
public class KeywordTriggerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.RegularExpressions;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task Contains_guard_triggers_a_send_of_constants()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, SyntaxNode node)
                {
                    var code = node.ToString();
                    if (code.Contains("password"))
                    {
                        {|EXF1004:client.TrackEvent("hit")|};
                    }

                    client.TrackEvent("always");
                }
            }
            """);
    }

    [Fact]
    public Task Early_return_guard_and_throw_guard()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    if (!symbol.Name.StartsWith("Secret")) return;
                    {|EXF1004:client.TrackEvent("hit")|};
                }

                void Strict(TelemetryClient client, ISymbol symbol)
                {
                    if (!Regex.IsMatch(symbol.Name, "Key$")) throw new InvalidOperationException();
                    {|EXF1004:client.TrackEvent("hit")|};
                }
            }
            """);
    }

    [Fact]
    public Task Equality_switch_regex_match_index_and_linq_any()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, IEnumerable<ISymbol> members, SyntaxNode node)
                {
                    if (symbol.Name == "ApiKey") {|EXF1004:client.TrackEvent("a")|};
                    switch (symbol.MetadataName)
                    {
                        case "Token":
                            {|EXF1004:client.TrackEvent("b")|};
                            break;
                    }

                    if (Regex.Match(node.ToString(), "secret").Success) {|EXF1004:client.TrackEvent("c")|};
                    if (node.ToString().IndexOf("BEGIN PRIVATE KEY") >= 0) {|EXF1004:client.TrackEvent("d")|};
                    if (members.Any(m => m.Name.EndsWith("Password"))) {|EXF1004:client.TrackEvent("e")|};
                    if (symbol is { Name: "Credentials" }) {|EXF1004:client.TrackEvent("f")|};
                }
            }
            """);
    }

    [Fact]
    public Task Condition_computed_in_a_helper_method()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                static bool LooksSecret(string text) => text.Contains("password") || Regex.IsMatch(text, "api[_-]?key");

                static bool IsInteresting(ISymbol symbol) => LooksSecret(symbol.Name);

                void Report(TelemetryClient client, SyntaxNode node, ISymbol symbol)
                {
                    if (LooksSecret(node.ToString())) {|EXF1004:client.TrackEvent("found")|};
                    if (IsInteresting(symbol)) {|EXF1004:client.TrackEvent("symbol")|};
                    if (LooksSecret("constant")) client.TrackEvent("never");
                }
            }
            """);
    }

    [Fact]
    public Task Sensitive_data_under_a_trigger_gets_both_rules()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, SyntaxNode node)
                {
                    var code = node.ToString();
                    if (code.Contains("connectionString"))
                    {
                        {|EXF1004:client.TrackTrace({|EXF1001:code|})|};
                    }
                }
            }
            """);
    }

    [Fact]
    public Task What_follows_the_test_either_way_is_not_triggered()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var kind = "plain";
                    if (symbol.Name.Contains("Test"))
                    {
                        kind = "test";
                    }
                    else
                    {
                        kind = "other";
                    }

                    client.TrackEvent(kind);
                }
            }
            """);
    }

    [Fact]
    public Task Iteration_null_checks_lengths_and_options_are_not_triggers()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                public bool Enabled { get; set; }

                void Report(TelemetryClient client, INamedTypeSymbol type, SyntaxNode node)
                {
                    foreach (var member in type.GetMembers())
                    {
                        client.TrackEvent("member");
                    }

                    var code = node.ToString();
                    if (code == null) return;
                    if (string.IsNullOrWhiteSpace(code)) return;
                    if (code.Length > 10_000) client.TrackEvent("large-file");
                    if (Enabled && new Random().Next(100) < 5) client.TrackEvent("sampled");
                }
            }
            """);
    }
}
