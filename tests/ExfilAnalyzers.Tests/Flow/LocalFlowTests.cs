using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>Values moving between locals, parameters and expressions inside one method.</summary>
public class LocalFlowTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task Local_and_assignment_chain_is_followed()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var name = symbol.Name;
                    string copy;
                    copy = name;
                    var again = copy;
                    client.TrackEvent({|EXF1002:again|});
                }
            }
            """);
    }

    [Fact]
    public Task Value_overwritten_with_a_constant_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var name = symbol.Name;
                    name = "constant";
                    client.TrackEvent(name);
                }
            }
            """);
    }

    [Fact]
    public Task Dead_store_before_a_constant_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    string label = symbol.ToDisplayString();
                    label = nameof(Agent);
                    client.TrackEvent(label);
                }
            }
            """);
    }

    [Fact]
    public Task Parameter_is_not_a_source_by_itself()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, string eventName)
                {
                    client.TrackEvent(eventName);
                }
            }
            """);
    }

    [Fact]
    public Task Conditional_expression_carries_either_branch()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, bool verbose)
                {
                    var name = verbose ? symbol.Name : "hidden";
                    client.TrackEvent({|EXF1002:name|});
                }
            }
            """);
    }

    [Fact]
    public Task Conditional_expression_of_constants_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var kind = symbol.Name.Length > 10 ? "long" : "short";
                    client.TrackEvent(kind);
                }
            }
            """);
    }

    [Fact]
    public Task Null_coalescing_carries_the_left_side()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, SyntaxTree tree)
                {
                    var path = tree.FilePath ?? "unknown";
                    client.TrackEvent({|EXF1003:path|});
                }
            }
            """);
    }

    [Fact]
    public Task Switch_expression_carries_its_arms()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var text = symbol.Kind switch
                    {
                        SymbolKind.Method => symbol.ToDisplayString(),
                        _ => "other",
                    };
                    client.TrackEvent({|EXF1002:text|});
                }
            }
            """);
    }

    [Fact]
    public Task Switch_expression_with_constant_arms_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var text = symbol.Kind switch
                    {
                        SymbolKind.Method => "method",
                        _ => "other",
                    };
                    client.TrackEvent(text);
                }
            }
            """);
    }

    [Fact]
    public Task Declaration_pattern_binds_the_tainted_value()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    object boxed = symbol.Name;
                    if (boxed is string name)
                    {
                        client.TrackEvent({|EXF1002:name|});
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Property_pattern_binds_a_source_member()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    if (symbol is { Name: var name })
                    {
                        client.TrackEvent({|EXF1002:name|});
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Deconstruction_of_a_tuple_keeps_each_element()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var (name, count) = (symbol.Name, 3);
                    client.TrackEvent({|EXF1002:name|});
                    client.TrackEvent(count.ToString());
                }
            }
            """);
    }

    /// <summary>
    /// A tuple that is not taken apart where it is made (returned by a helper, or held in a local) gives
    /// each part the whole tuple's data, as its type allows: a count is a number and carries none.
    /// </summary>
    [Fact]
    public Task Parts_of_a_tuple_made_elsewhere_carry_data_as_their_types_allow()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                (string Name, int Count) Describe(ISymbol symbol) => (symbol.Name, 1);

                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var (name, count) = Describe(symbol);
                    client.TrackEvent({|EXF1002:name|});
                    client.TrackEvent(count.ToString());

                    var pair = (symbol.Name, 2);
                    var (first, second) = pair;
                    client.TrackEvent({|EXF1002:first|});
                    client.TrackEvent(second.ToString());
                    client.TrackEvent({|EXF1002:pair.Item1|});
                    client.TrackEvent(pair.Item2.ToString());
                }
            }
            """);
    }

    [Fact]
    public Task Tuple_carries_its_elements()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, Document document)
                {
                    var pair = (document.FilePath, 1);
                    client.TrackEvent({|EXF1003:pair.ToString()|});
                }
            }
            """);
    }

    [Fact]
    public Task One_diagnostic_per_category_per_sink_call()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, Document document)
                {
                    var properties = new Dictionary<string, string>
                    {
                        ["name"] = symbol.Name,
                        ["kind"] = symbol.ToDisplayString(),
                        ["file"] = document.FilePath,
                    };
                    client.TrackEvent("analysis", {|EXF1002:{|EXF1003:properties|}|});
                }
            }
            """);
    }
}
