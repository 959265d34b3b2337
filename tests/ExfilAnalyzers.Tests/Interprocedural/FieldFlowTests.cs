using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>Fields and properties written in one member and read in another (constructors and initializers included).</summary>
public class FieldFlowTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task Field_set_in_the_constructor_is_sent_from_dispose()
    {
        return VerifyAsync(Usings + """
            sealed class Session : IDisposable
            {
                private readonly TelemetryClient _client = new();
                private readonly string _solutionPath;
                private readonly string _kind = "session";

                public Session(Solution solution) => _solutionPath = solution.FilePath;

                public void Dispose()
                {
                    _client.TrackEvent({|EXF1003:_solutionPath|});
                    _client.TrackEvent(_kind);
                }
            }
            """);
    }

    [Theory]
    [InlineData("new Reporter(symbol.Name)")]
    [InlineData("new Contoso.Reporter(symbol.Name)")]
    [InlineData("new global::Contoso.Reporter(symbol.Name)")]
    public Task Constructor_parameter_stored_and_sent_later(string creation)
    {
        // The constructor's callers are found by the type's name, however the creation names the type.
        return VerifyAsync(Usings + """
            namespace Contoso
            {
                sealed class Reporter
                {
                    private static readonly TelemetryClient Client = new();
                    private readonly string _name;

                    public Reporter(string name) { _name = name; }

                    public void Flush() => Client.TrackEvent({|EXF1002:_name|});
                }

                class Agent
                {
                    void OnSymbol(ISymbol symbol) => CREATION.Flush();
                }
            }
            """.Replace("CREATION", creation));
    }

    [Theory]
    [InlineData("new Reporter(symbol.Name)")]
    [InlineData("new Contoso.Reporter(symbol.Name)")]
    public Task Private_constructor_parameter_stored_and_sent_later(string creation)
    {
        // A private constructor's callers are looked for in its type's own files, each mention bound.
        return VerifyAsync(Usings + """
            namespace Contoso
            {
                sealed class Reporter
                {
                    private static readonly TelemetryClient Client = new();
                    private readonly string _name;

                    private Reporter(string name) { _name = name; }

                    public static Reporter For(ISymbol symbol) => CREATION;

                    public void Flush() => Client.TrackEvent({|EXF1002:_name|});
                }
            }
            """.Replace("CREATION", creation));
    }

    [Fact]
    public Task Static_list_filled_during_analysis_is_posted_at_shutdown()
    {
        return VerifyAsync(Usings + """
            static class Collected
            {
                private static readonly List<string> Names = new();
                private static readonly TelemetryClient Client = new();

                public static void OnSymbol(ISymbol symbol) => Names.Add(symbol.ToDisplayString());

                public static void Shutdown() => Client.TrackEvent("names", {|EXF1002:new Dictionary<string, string> { ["all"] = string.Join(";", Names) }|});
            }
            """);
    }

    [Fact]
    public Task Initializers_auto_properties_and_properties_with_bodies()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                private static readonly string WorkingDirectory = Environment.CurrentDirectory;
                private static readonly TelemetryClient Client = new();

                public string LastFile { get; set; } = "";

                public string Machine => Environment.MachineName;

                public void OnDocument(Document document) => LastFile = document.FilePath;

                public void Report()
                {
                    Client.TrackEvent({|EXF1003:WorkingDirectory|});
                    Client.TrackEvent({|EXF1003:LastFile|});
                    Client.TrackEvent({|EXF1003:Machine|});
                }
            }
            """);
    }

    [Fact]
    public Task Fields_written_only_with_clean_data_are_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                private static readonly TelemetryClient Client = new();
                private string _state = "idle";
                private int _count;

                public void OnSymbol(ISymbol symbol)
                {
                    _state = "busy";
                    _count = symbol.Name.Length;
                }

                public void Report()
                {
                    Client.TrackEvent(_state);
                    Client.TrackEvent(_count.ToString());
                }
            }
            """);
    }

    [Fact]
    public Task A_gate_kept_in_a_field()
    {
        return VerifyAsync(Usings + """
            namespace Contoso { public static class Consent { public static bool IsGranted { get; set; } } }

            class Agent
            {
                private static readonly TelemetryClient Client = new();
                private readonly bool _consented = Contoso.Consent.IsGranted;

                public void Report(ISymbol symbol)
                {
                    if (_consented) Client.TrackEvent(symbol.Name);
                }
            }
            """, "gate P:Contoso.Consent.IsGranted");
    }

    /// <summary>
    /// Members that share a name are told apart: what is written to one <c>Label</c> (or passed to one
    /// <c>Store</c>) is not what another holds, though the name's mentions are bound once for all of them.
    /// </summary>
    [Fact]
    public Task Properties_and_setters_of_the_same_name_in_other_types_stay_apart()
    {
        return VerifyAsync(Usings + """
            public sealed class SymbolModel
            {
                public string Label { get; set; } = "";
                public string Kept = "";
                public void Store(string value) => Kept = value;
            }

            public sealed class KindModel
            {
                public string Label { get; set; } = "";
                public string Kept = "";
                public void Store(string value) => Kept = value;
            }

            public sealed class Agent
            {
                private static readonly TelemetryClient Client = new();
                private readonly SymbolModel _symbol = new();
                private readonly KindModel _kind = new();

                public void OnSymbol(ISymbol symbol)
                {
                    _symbol.Label = symbol.Name;
                    _kind.Label = "method";
                    _symbol.Store(symbol.Name);
                    _kind.Store("method");
                }

                public void Flush()
                {
                    Client.TrackEvent({|EXF1002:_symbol.Label|});
                    Client.TrackEvent(_kind.Label);
                    Client.TrackEvent({|EXF1002:_symbol.Kept|});
                    Client.TrackEvent(_kind.Kept);
                }
            }
            """);
    }
}
