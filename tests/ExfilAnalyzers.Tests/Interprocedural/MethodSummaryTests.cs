using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>Flows through helpers: returned sources, parameters sent, chains, cycles, several files.</summary>
public class MethodSummaryTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task Helper_returns_a_source_and_wrapper_sends_a_parameter()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                private readonly TelemetryClient _client = new();

                static string CodeOf(SyntaxNode node) => node.ToFullString();

                void Send(string message) => _client.TrackTrace(message);

                void Report(SyntaxNode node)
                {
                    Send({|EXF1001:CodeOf(node)|});
                    Send("constant");
                    Send(CodeOf(node).Length.ToString());
                }
            }
            """);
    }

    [Fact]
    public Task The_path_crosses_methods_and_files_in_order()
    {
        var test = new Verifiers.FlowVerifier.Test
        {
            TestCode = Usings + """
                class Agent
                {
                    void Report(ISymbol symbol)
                    {
                        var name = {|#1:symbol.Name|};
                        Telemetry.Send({|#0:name|});
                    }
                }
                """,
        };
        test.TestState.Sources.Add(("/0/Telemetry.cs", """
            using Microsoft.ApplicationInsights;

            static class Telemetry
            {
                private static readonly TelemetryClient Client = new();

                public static void Send(string {|#2:message|})
                {
                    var line = "[assistant] " + message;
                    Client.TrackTrace({|#3:line|});
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic("EXF1002").WithLocation(0).WithArguments("ISymbol.Name", "TelemetryClient.TrackTrace")
            .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));
        return test.RunAsync();
    }

    [Fact]
    public Task Chains_of_twelve_calls_are_followed_both_ways()
    {
        var forward = string.Join("\n", Enumerable.Range(1, 12).Select(i => $"    static string Pass{i}(string v) => Pass{i + 1}(v + \"{i}\");"));
        var backward = string.Join("\n", Enumerable.Range(1, 12).Select(i => $"    static string Get{i}(ISymbol s) => Get{i + 1}(s);"));
        return VerifyAsync(Usings + $$"""
            class Agent
            {
                static readonly TelemetryClient Client = new();
            {{forward}}
                static string Pass13(string v) { Client.TrackTrace(v); return v; }
            {{backward}}
                static string Get13(ISymbol s) => s.MetadataName;

                void Report(ISymbol symbol)
                {
                    Pass1({|EXF1002:symbol.Name|});
                    Client.TrackEvent({|EXF1002:Get1(symbol)|});
                    Pass1("constant");
                }
            }
            """);
    }

    /// <summary>
    /// Longer than the depth bound of one computation (32): the methods cut there are summarised as
    /// roots of their own and the chain is resumed, so the flow is found at any length up to the bound
    /// on resumptions, through instance, static and interface calls. (A length is one more than a
    /// multiple of three, so that the last step is a static method calling the instance sink.)
    /// </summary>
    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    [InlineData(151)]
    public Task Chains_longer_than_the_depth_bound_are_followed_both_ways(int length)
    {
        var forward = string.Join("\n", Enumerable.Range(1, length).Select(i => i % 3 == 0
            ? $"    internal string Pass{i}(string v) => _relay.Relay{i}(v);"
            : $"    internal {(i % 3 == 1 ? "static " : "")}string Pass{i}(string v) => {(i % 3 == 1 ? "Instance" : "this")}.Pass{i + 1}(v + \"{i}\");"));
        var relays = string.Join("\n", Enumerable.Range(1, length).Where(i => i % 3 == 0).Select(i => $"    string Relay{i}(string v);"));
        var implementations = string.Join("\n", Enumerable.Range(1, length).Where(i => i % 3 == 0).Select(i => $"    public string Relay{i}(string v) => Agent.Pass{i + 1}(v);"));
        var backward = string.Join("\n", Enumerable.Range(1, length).Select(i => $"    static string Get{i}(ISymbol s) => Get{i + 1}(s);"));
        return VerifyAsync(Usings + $$"""
            class Agent
            {
                public static readonly Agent Instance = new();
                static readonly TelemetryClient Client = new();
                private readonly IRelay _relay = new Relay();
            {{forward}}
                public string Pass{{length + 1}}(string v) { Client.TrackTrace(v); return v; }
            {{backward}}
                static string Get{{length + 1}}(ISymbol s) => s.MetadataName;

                void Report(ISymbol symbol)
                {
                    Pass1({|EXF1002:symbol.Name|});
                    Client.TrackEvent({|EXF1002:Get1(symbol)|});
                    Pass1("constant");
                }
            }

            interface IRelay
            {
            {{relays}}
            }

            sealed class Relay : IRelay
            {
            {{implementations}}
            }
            """);
    }

    /// <summary>
    /// A chain cut at the depth bound where every step is recursive: the method resumed as a root of its
    /// own is then a cycle solved at the top of a computation, with no frame above it.
    /// </summary>
    [Theory]
    [InlineData(40)]
    [InlineData(70)]
    public Task Recursive_steps_past_the_depth_bound_are_followed(int length)
    {
        var steps = string.Join("\n", Enumerable.Range(1, length).Select(i =>
            $"    static string Get{i}(ISymbol s, int n) => n > 0 ? Get{i}(s, n - 1) : Get{i + 1}(s, 1);"));
        return VerifyAsync(Usings + $$"""
            class Agent
            {
                static readonly TelemetryClient Client = new();
            {{steps}}
                static string Get{{length + 1}}(ISymbol s, int n) => s.MetadataName;

                void Report(ISymbol symbol) => Client.TrackEvent({|EXF1002:Get1(symbol, 1)|});
            }
            """);
    }

    [Fact]
    public Task Recursion_and_cycles_terminate_and_still_find_the_flow()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                static readonly TelemetryClient Client = new();

                static string Walk(ISymbol symbol, int depth) =>
                    depth == 0 || symbol.ContainingSymbol is null ? symbol.Name : Walk(symbol.ContainingSymbol, depth - 1) + "." + symbol.Name;

                static void Ping(string v, int n) { if (n > 0) Pong(v, n - 1); else Client.TrackTrace(v); }
                static void Pong(string v, int n) => Ping(v, n);

                void Report(ISymbol symbol)
                {
                    Client.TrackEvent({|EXF1002:Walk(symbol, 3)|});
                    Ping({|EXF1002:symbol.Name|}, 2);
                    Ping("constant", 2);
                }
            }
            """);
    }

    [Fact]
    public Task Async_helpers_iterators_and_lazy_values()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                static readonly TelemetryClient Client = new();

                static async Task<string> ReadAsync(Document document) => (await document.GetTextAsync()).ToString();

                static Task<string> PathAsync(Document document) => Task.FromResult(document.FilePath);

                static IEnumerable<string> Names(INamedTypeSymbol type)
                {
                    foreach (var member in type.GetMembers())
                    {
                        yield return member.Name;
                    }
                }

                async Task Report(Document document, INamedTypeSymbol type)
                {
                    Client.TrackTrace({|EXF1001:await ReadAsync(document)|});
                    Client.TrackTrace({|EXF1003:await PathAsync(document)|});
                    Client.TrackTrace({|EXF1002:string.Join(",", Names(type))|});
                    var lazy = new Lazy<string>(() => document.Name);
                    Client.TrackTrace({|EXF1003:lazy.Value|});
                }
            }
            """);
    }

    /// <summary>
    /// A property setter is a helper whose parameter is the assigned value: what it sends or tests of
    /// <c>value</c> is reported at the assignment, as for a method call (it was lost before: the
    /// value was not matched to the setter's parameter).
    /// </summary>
    [Fact]
    public Task A_setter_that_sends_or_tests_its_value_is_reported_at_the_assignment()
    {
        return VerifyAsync(Usings + """
            using System.Diagnostics.Tracing;

            sealed class Events : EventSource
            {
                public static readonly Events Log = new();
                public void Renamed() => WriteEvent(1);
            }

            sealed class Panel
            {
                private static readonly TelemetryClient Client = new();
                private string _title = "";

                public string Title
                {
                    get => _title;
                    set => Client.TrackEvent(value);
                }

                public string Caption
                {
                    get => _title;
                    set
                    {
                        if (value.Contains("Secret")) Events.Log.Renamed();
                        _title = value;
                    }
                }

                public void Show(Document document, ISymbol symbol)
                {
                    Title = {|EXF1003:document.Name|};
                    Title = "constant";
                    {|EXF1004:Caption|} = symbol.Name;
                    Caption = "constant";
                }
            }
            """);
    }
}
