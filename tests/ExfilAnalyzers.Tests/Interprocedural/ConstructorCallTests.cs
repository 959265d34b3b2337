using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// Constructors called without a <c>new</c> that names their type (<c>base(...)</c>, <c>this(...)</c>, a primary
/// constructor's base call), and members read from an object no local holds (<c>new T(x).F</c>, <c>Make(x).F</c>).
/// </summary>
public class ConstructorCallTests
{
    private const string Types = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Stored
        {
            public string Label = "";

            public Stored(string text) { Text = text; Label = text; }

            public string Text { get; }
        }

        """;

    /// <summary>The class whose Report the tests analyse, with a telemetry client and the members given.</summary>
    private static string Agent(string members) => "\nclass Agent\n{\n    private static readonly TelemetryClient Client = new();\n\n" + members + "\n}\n";

    // A base class whose constructor sends what it is given.
    private const string SendingBase = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Sender
        {
            private static readonly TelemetryClient Client = new();

            protected Sender(string text) => Client.TrackEvent(text);
        }

        """;

    [Theory]
    [InlineData("class Holder : Stored { public Holder(ISymbol symbol) : base(symbol.Name) { } }")]
    [InlineData("class Holder { public Holder(ISymbol symbol) : this(symbol.Name) { } public Holder(string text) { Text = text; } public string Text { get; } }")]
    [InlineData("class Holder(ISymbol symbol) : Stored(symbol.Name) { }")]
    [InlineData("class Holder(ISymbol symbol) : Stored(Pass(symbol.Name)) { static string Pass(string text) => text; }")]
    public Task A_constructor_called_by_an_initializer_stores_what_it_is_passed(string holder)
    {
        // base(...), this(...) and a primary constructor's base call name no type: the writers' callers are found anyway.
        return VerifyAsync(Types + holder + Agent("""
            void Report(ISymbol symbol)
            {
                var holder = new Holder(symbol);
                Client.TrackEvent({|EXF1002:holder.Text|});
            }
            """));
    }

    [Theory]
    [InlineData("class Holder : Stored { public Holder(ISymbol symbol) : base(symbol.Kind.ToString()) { } }")]
    [InlineData("class Holder(ISymbol symbol) : Stored(symbol.Kind.ToString()) { public string Name => symbol.Name; }")]
    public Task A_base_constructor_given_no_name_stores_none(string holder)
    {
        return VerifyAsync(Types + holder + Agent("""
            void Report(ISymbol symbol) => Client.TrackEvent(new Holder(symbol).Text);
            """));
    }

    [Theory]
    [InlineData("new Stored(symbol.Name).Text")]
    [InlineData("new Stored(symbol.Name).Label")]
    [InlineData("Make(symbol).Text")]
    [InlineData("Make(symbol)?.Text")]
    public Task A_member_of_an_object_no_local_holds_is_what_its_writers_wrote(string read)
    {
        return VerifyAsync(Types + Agent("""
            static Stored Make(ISymbol symbol) => new Stored(symbol.Name);

            void Report(ISymbol symbol) => Client.TrackEvent({|EXF1002:READ|});
            """).Replace("READ", read));
    }

    [Theory]
    [InlineData("static Stored Make(ISymbol symbol) => new(symbol.Name);", "Make(symbol).Text")]
    [InlineData("static Stored? Make(ISymbol symbol) => new(symbol.Name);", "Make(symbol)!.Text")]
    [InlineData("static Stored Make(ISymbol symbol) { Stored made = new(symbol.Name); return made; }", "Make(symbol).Text")]
    public Task A_target_typed_creation_is_a_call_of_its_constructor(string make, string read)
    {
        // new(...) names no type: where its type is written beside it, its constructor's callers include it.
        return VerifyAsync("#nullable enable\n" + Types + Agent("""
            MAKE

            void Report(ISymbol symbol) => Client.TrackEvent({|EXF1002:READ|});
            """).Replace("MAKE", make).Replace("READ", read));
    }

    [Theory]
    [InlineData("class Holder(string text) { public string Text => text; }")]
    [InlineData("class Holder(string text) { public string Text { get; } = text; }")]
    [InlineData("class Holder(string text) { private readonly string _kept = text.Trim(); public string Text => _kept; }")]
    public Task A_primary_constructors_parameter_read_by_a_member_holds_what_its_callers_pass(string holder)
    {
        return VerifyAsync(Types + holder + Agent("""
            void Report(ISymbol symbol) => Client.TrackEvent({|EXF1002:new Holder(symbol.Name).Text|});
            """));
    }

    [Fact]
    public Task A_captured_parameter_sent_by_a_method_reports_there()
    {
        return VerifyAsync(Types + """
            class Reporter(TelemetryClient client, string name)
            {
                public void Flush() => client.TrackEvent({|EXF1002:name|});
            }

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol) => new Reporter(client, symbol.Name).Flush();
            }
            """);
    }

    [Fact]
    public Task A_source_read_from_a_captured_handle_reports_where_it_is_read()
    {
        // The symbol is a handle, not text: not state the index follows, but its name is a source wherever it is read.
        return VerifyAsync(Types + """
            class Reporter(TelemetryClient client, ISymbol symbol)
            {
                public void Flush() => client.TrackEvent({|EXF1002:symbol.Name|});
            }
            """);
    }

    [Fact]
    public Task A_captured_parameter_given_only_constants_reports_nothing()
    {
        return VerifyAsync(Types + """
            class Reporter(TelemetryClient client, string name)
            {
                public void Flush() => client.TrackEvent(name);
            }

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol) => new Reporter(client, symbol.Kind.ToString()).Flush();

                void Start(TelemetryClient client) => new Reporter(client, "started").Flush();
            }
            """);
    }

    [Fact]
    public Task A_primary_constructor_that_hands_its_parameter_to_a_sending_base_reports_at_its_callers()
    {
        // In its own base call the parameter is the constructor's, as in an explicit constructor: the caller that
        // passes the name is where it is sent from, not the constructor.
        return VerifyAsync(SendingBase + """
            class Reporter(string label) : Sender(label)
            {
            }

            class Agent
            {
                void Report(ISymbol symbol) => new Reporter({|EXF1002:symbol.Name|});
            }
            """);
    }

    // A service that keeps what its constructor is given and sends it later, in a namespace of its own.
    private const string Service = """
        using Microsoft.ApplicationInsights;

        namespace Lib
        {
            public class LabelKeeper
            {
                private static readonly TelemetryClient Client = new();
                private readonly string _label;

                public LabelKeeper(string label) => _label = label;

                public void Flush() => Client.TrackEvent(LABEL);
            }
        }

        """;

    [Theory]
    [InlineData("using Lib;", "new LabelKeeper(symbol.Name)")]
    [InlineData("", "new Lib.LabelKeeper(symbol.Name)")]
    [InlineData("", "new global::Lib.LabelKeeper(symbol.Name)")]
    public Task A_service_created_by_a_host_keeps_what_the_host_passes(string usings, string creation)
    {
        // A registration method that creates services: each creation is a call of the service's constructor.
        return VerifyAsync(usings + "\n" + Service.Replace("LABEL", "{|EXF1002:_label|}") + Host(creation));
    }

    [Fact]
    public Task A_service_with_two_constructors_keeps_what_the_host_passes_to_either()
    {
        // Only binding tells which constructor a creation calls: told by name, the host would count as a caller of
        // the first, and the second's callers would miss it.
        var service = Service.Replace("LABEL", "{|EXF1002:_label|}")
            .Replace("public LabelKeeper(string label) => _label = label;", "public LabelKeeper(int count) => _label = \"\";\n\n        public LabelKeeper(string label, int count) => _label = label;");
        return VerifyAsync("using Lib;\n" + service + Host("new LabelKeeper(symbol.Name, 1)"));
    }

    private static string Host(string creation) => """
        namespace App
        {
            using Microsoft.CodeAnalysis;

            class Host
            {
                void Register(ISymbol symbol) => _ = CREATION;
            }
        }
        """.Replace("CREATION", creation);

    [Fact]
    public Task Members_of_a_new_object_that_hold_no_data_report_nothing()
    {
        // The object's other members are as their own writers left them: a count, and a string only constants reach.
        return VerifyAsync(Types + """
            class Counted
            {
                public Counted(string text) { Length = text.Length; Kind = "fixed"; }

                public int Length { get; }

                public string Kind;
            }

            class Agent
            {
                private static readonly TelemetryClient Client = new();

                void Report(ISymbol symbol)
                {
                    Client.TrackEvent(new Counted(symbol.Name).Length.ToString());
                    Client.TrackEvent(new Counted(symbol.Name).Kind);
                }
            }
            """);
    }

    [Fact]
    public Task A_primary_constructor_whose_base_call_sends_reports_there()
    {
        return VerifyAsync(SendingBase + """
            class Reporter(ISymbol symbol) : Sender({|EXF1002:symbol.Name|})
            {
            }
            """);
    }
}
