using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>Loops, exceptions, using, async, lambdas, local functions and ref/out arguments.</summary>
public class ControlFlowTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task Foreach_and_loops_reach_a_fixpoint()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, INamedTypeSymbol type)
                {
                    var collected = "";
                    foreach (var member in type.GetMembers())
                    {
                        collected += member.Name + ";";
                    }

                    client.TrackEvent({|EXF1002:collected|});

                    var last = "";
                    for (var i = 0; i < 3; i++)
                    {
                        client.TrackEvent({|EXF1002:last|});
                        last = type.Name;
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Loop_over_sensitive_values_sending_only_constants_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, INamedTypeSymbol type)
                {
                    var count = 0;
                    foreach (var member in type.GetMembers())
                    {
                        count++;
                        client.TrackEvent("member-seen");
                    }

                    client.TrackEvent("members:" + count);
                }
            }
            """);
    }

    [Fact]
    public Task Try_catch_finally_and_using()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, Document document)
                {
                    string path = "none";
                    try
                    {
                        path = document.FilePath;
                        File.Delete("scratch.tmp");
                    }
                    catch (IOException)
                    {
                        client.TrackEvent({|EXF1003:path|});
                    }
                    finally
                    {
                        client.TrackEvent({|EXF1003:path|});
                    }

                    using (var writer = new StringWriter())
                    {
                        writer.Write(document.Name);
                        client.TrackEvent({|EXF1003:writer.ToString()|});
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Catch_of_a_try_that_only_sends_constants_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, Document document)
                {
                    try
                    {
                        client.TrackEvent("start");
                    }
                    catch (Exception ex)
                    {
                        client.TrackEvent(ex.GetType().Name);
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Async_await_and_task_results()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                async Task Report(TelemetryClient client, Document document)
                {
                    var text = await document.GetTextAsync();
                    client.TrackEvent({|EXF1001:text.ToString()|});
                    var wrapped = await Task.FromResult(document.Name);
                    client.TrackEvent({|EXF1003:wrapped|});
                }
            }
            """);
    }

    [Fact]
    public Task Lambdas_and_local_functions_see_captured_values()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var name = symbol.Name;
                    Action send = () => client.TrackEvent({|EXF1002:name|});
                    send();

                    Send();
                    void Send() => client.TrackEvent({|EXF1002:name|});

                    var upper = Transform(name);
                    client.TrackEvent({|EXF1002:upper|});
                    static string Transform(string value) => value.ToUpperInvariant();

                    var found = new List<string>();
                    new[] { 1 }.ToList().ForEach(_ => found.Add(symbol.MetadataName));
                    client.TrackEvent({|EXF1002:found[0]|});
                }
            }
            """);
    }

    [Fact]
    public Task Local_function_given_a_constant_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    client.TrackEvent(Transform("constant"));
                    client.TrackEvent(Count(symbol.Name).ToString());
                    static string Transform(string value) => value.ToUpperInvariant();
                    static int Count(string value) => value.Length;
                }
            }
            """);
    }

    [Fact]
    public Task Ref_out_and_in_arguments()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, Dictionary<string, string> cache)
                {
                    cache[symbol.Name] = symbol.ToDisplayString();
                    if (cache.TryGetValue("key", out var display))
                    {
                        client.TrackEvent({|EXF1002:display|});
                    }

                    var name = "";
                    Fill(ref name, symbol);
                    client.TrackEvent({|EXF1002:name|});
                    Describe(out var described, in name);
                    client.TrackEvent({|EXF1002:described|});
                    Describe(out var constant, "x");
                    client.TrackEvent(constant);
                }

                static void Fill(ref string target, ISymbol symbol) => target = symbol.Name;

                static void Describe(out string result, in string value) => result = "[" + value + "]";
            }
            """);
    }
}
