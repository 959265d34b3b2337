using System.Collections.Generic;
using System.Linq;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using static ExfilAnalyzers.Tests.Verifiers.CarriedReport;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// Answers carried across an edit that adds, removes or redeclares a member (docs/design.md, "Cost"): every
/// member that mentions a redeclared name is made again, since its mentions may now bind elsewhere; what
/// mentions none is taken over. Helpers.cs is edited; Agent.cs and State.cs are not, so what Agent.Report
/// computed holds no location in the edited file and would be taken over unless something it read or
/// mentions was edited. Each test's findings and traces must be those of the same code analysed from nothing.
/// </summary>
[Collection(ProjectCacheCollection.Name)]
public class DeclarationCarryTests
{
    // Count returns a number; Send sends a constant, whatever it is given; Quiet returns a kind.
    private const string Helpers = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        static class Helpers
        {
            private static readonly TelemetryClient Client = new();

            public static string Count(ISymbol symbol) => symbol.Name.Length.ToString();

            public static void Send(object value) => Client.TrackEvent("fixed");

            public static void Idle() { }
        }

        static class Other
        {
            public static string Quiet(ISymbol symbol) => symbol.Kind.ToString();
        }

        class Derived : Base
        {
        }
        """;

    // Named holds a symbol's name; Counted a number. Base.Post sends a constant.
    private const string State = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Base
        {
            protected static readonly TelemetryClient Client = new();

            public void Post(string text) => Client.TrackEvent("fixed");
        }

        static class State
        {
            public static string Named = "";
            public static string Counted = "";

            public static void Remember(ISymbol symbol)
            {
                Named = symbol.Name;
                Counted = symbol.Name.Length.ToString();
            }
        }
        """;

    private const string Agent = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Agent
        {
            private static readonly TelemetryClient Client = new();

            void Report(ISymbol symbol)
            {
                Client.TrackEvent(Helpers.Count(symbol));
                Helpers.Send(symbol.Name);
                Client.TrackEvent(State.Named);
                Client.TrackEvent(State.Counted);
                Client.TrackEvent(Other.Quiet(symbol));
                new Derived().Post(symbol.Name);
            }
        }
        """;

    [Fact]
    public void A_method_added_that_nothing_mentions_keeps_every_answer()
    {
        var (before, after) = Edit(nameof(A_method_added_that_nothing_mentions_keeps_every_answer), "public static void Idle() { }",
            "public static void Idle() { }\n\n    public static int Spare() => 2;");
        var kept = CarriedAnswers.Of(before.Compilation)!;

        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(before));
        AssertAsFresh(after);
        Assert.False(Computed(kept, after, Method(after, "Agent", "Report")));
        Assert.False(Computed(kept, after, Method(after, "Helpers", "Count")));
    }

    /// <summary>
    /// Send(string) added before Send(object): Report's call, unchanged, now binds to it and sends the name.
    /// Report mentions Send, so it is made again; taken over, it would still call the old Send.
    /// </summary>
    [Fact]
    public void An_overload_added_rebinds_an_unchanged_caller()
    {
        var (_, after) = Edit(nameof(An_overload_added_rebinds_an_unchanged_caller), "public static void Send(object value)",
            "public static void Send(string text) => Client.TrackEvent(text);\n\n    public static void Send(object value)");

        Assert.Equal(2, Findings(after).Count);
        AssertAsFresh(after);
    }

    /// <summary>
    /// Post added to Derived hides Base.Post: Report's call, unchanged, now binds to it and sends the name.
    /// Nothing Report's summary was computed from was edited (Base.Post is in another file): only its mention
    /// of the redeclared name makes it again.
    /// </summary>
    [Fact]
    public void A_member_added_that_hides_the_one_a_call_bound_to_rebinds_the_caller()
    {
        var (_, after) = Edit(nameof(A_member_added_that_hides_the_one_a_call_bound_to_rebinds_the_caller), "class Derived : Base\n{\n",
            "class Derived : Base\n{\n    public new void Post(string text) => Client.TrackEvent(text);\n");

        Assert.Equal(2, Findings(after).Count);
        AssertAsFresh(after);
    }

    /// <summary>
    /// A member added that writes Counted: Counted's value searched the writers of its name, so it is computed
    /// again and now holds a name; taken over, it would still be a number.
    /// </summary>
    [Fact]
    public void A_member_added_that_writes_state_computes_its_value_again()
    {
        var (_, after) = Edit(nameof(A_member_added_that_writes_state_computes_its_value_again), "public static void Idle() { }",
            "public static void Idle() { }\n\n    public static void Also(ISymbol symbol) { State.Counted = symbol.Name; }");

        Assert.Equal(2, Findings(after).Count);
        AssertAsFresh(after);
    }

    [Theory]
    [InlineData("public static string Count(ISymbol symbol) => symbol.Name.Length.ToString();", "public static string Count(ISymbol symbol, int unused = 0) => symbol.Name;")]
    [InlineData("public static string Count(ISymbol symbol) => symbol.Name.Length.ToString();", "")]
    [InlineData("public static string Count(ISymbol symbol) => symbol.Name.Length.ToString();", "public static string Counted(ISymbol symbol) => symbol.Name;")]
    [InlineData("public static string Quiet(ISymbol symbol) => symbol.Kind.ToString();", "")]
    [InlineData("public static void Idle() { }", "public static string Quiet(ISymbol symbol) => symbol.Name;")]
    [InlineData("public static void Idle() { }", "public static string Count(ISymbol symbol, string more) => more;")]
    public void A_member_removed_renamed_moved_or_redeclared_gives_what_a_fresh_build_gives(string text, string replacement)
    {
        var (_, after) = Edit("Redeclared" + text.Length + replacement.Length, text, replacement);

        AssertAsFresh(after);
    }

    /// <summary>A method that code calls without naming it (foreach, using, await, an initializer) redeclared: nothing is carried.</summary>
    [Theory]
    [InlineData("public static void Dispose() { }")]
    [InlineData("public static void GetEnumerator() { }")]
    [InlineData("static Helpers() { }")]
    public void A_member_called_without_its_name_redeclared_carries_nothing(string added)
    {
        var (_, after) = Edit("Implicit" + added.Length, "public static void Idle() { }", "public static void Idle() { }\n\n    " + added);

        AssertAsFresh(after);
        Assert.Equal(0, after.Summaries.CarriedValues);
        Assert.Equal(0, after.Carry.TakenSummaries);
    }

    /// <summary>
    /// Get moved, written the same and in the same place among the file's members, from Other to Helpers, where the Text it returns is Helpers' (a name), not
    /// Other's (a constant): Report's unqualified call now gets a name. Get is redeclared (its type changed),
    /// so Report, which mentions it, is made again.
    /// </summary>
    [Fact]
    public void A_member_moved_to_another_type_is_redeclared()
    {
        const string moving = """
            using Microsoft.CodeAnalysis;

            static class Other
            {
                public const string Text = "fixed";

                public static string Get() => Text;
            }

            static class Helpers
            {
                public static string Text = "";

                public static void Fill(ISymbol symbol)
                {
                    Text = symbol.Name;
                }
            }
            """;
        const string caller = """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;
            using static Helpers;
            using static Other;

            class Agent
            {
                private static readonly TelemetryClient Client = new();

                void Report(ISymbol symbol) => Client.TrackEvent(Get());
            }
            """;
        // The members keep their order: Get moves from the end of Other to the start of Helpers.
        const string from = "\n\n    public static string Get() => Text;\n}\n\nstatic class Helpers\n{\n";
        const string to = "\n}\n\nstatic class Helpers\n{\n    public static string Get() => Text;\n\n";
        var (before, after) = EditedProject.Edit("DeclarationCarryMoved", new[] { ("/src/Helpers.cs", moving), ("/src/Agent.cs", caller) }, "/src/Helpers.cs",
            from, to, flow => Findings(flow));

        Assert.Empty(Findings(before));
        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(after));
        AssertAsFresh(after);
    }

    // Peek reads Counted; Report sends Counted's value, which Remember writes (a number).
    private const string Peeking = """
        static class Helpers
        {
            public static int Peek() => Store.Counted.Length;
        }
        """;

    private const string Store = """
        using Microsoft.CodeAnalysis;

        static class Store
        {
            public static string Counted = "";

            public static void Remember(ISymbol symbol) { Counted = symbol.Name.Length.ToString(); }
        }

        class Counted
        {
        }
        """;

    private const string Sender = """
        using Microsoft.ApplicationInsights;

        class Agent
        {
            private static readonly TelemetryClient Client = new();

            void Report() => Client.TrackEvent(Store.Counted);
        }
        """;

    /// <summary>
    /// An overload of Peek added beside it, which changes no search of the index: Peek, written the same, still reads
    /// Counted as before (its mentions are not searched again), and the overload names Counted only as its
    /// parameter's type (the class, not the field: a type is no member a search finds). The search of Counted's
    /// writers, which Report's answer holds, is unchanged, and Report is taken over.
    /// </summary>
    [Theory]
    [InlineData("public static int Peek(int more) => more;")]
    [InlineData("public static int Peek(Counted more) => 0;")]
    public void An_overload_added_that_changes_no_search_keeps_the_answers_built_on_the_searches(string overload)
    {
        var (before, after) = Peek("Overload" + overload.Length, "public static int Peek() => Store.Counted.Length;\n\n    " + overload);
        var kept = CarriedAnswers.Of(before.Compilation)!;

        Assert.Empty(Findings(after));
        AssertAsFresh(after);
        Assert.False(Computed(kept, after, Method(after, "Agent", "Report")));
    }

    /// <summary>
    /// Peek rewritten as a writer of a symbol's name into Counted, and the old Peek kept as an overload of it written
    /// otherwise: Counted's writers changed, so Report is made again and now sends a name.
    /// </summary>
    [Theory]
    [InlineData("public static int Peek(Microsoft.CodeAnalysis.ISymbol symbol) { Store.Counted = symbol.Name; return 1; }")]
    [InlineData("public static int Peek(Microsoft.CodeAnalysis.ISymbol symbol) { Store.Counted = symbol.Name; return 1; }\n\n    public static int Peek(int more) => more;")]
    public void A_member_of_a_redeclared_name_written_otherwise_searches_what_it_mentions_again(string replacement)
    {
        var (before, after) = Peek("Rewritten" + replacement.Length, replacement);
        var kept = CarriedAnswers.Of(before.Compilation)!;

        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(after));
        AssertAsFresh(after);
        Assert.True(Computed(kept, after, Method(after, "Agent", "Report")));
    }

    /// <summary>The project of <see cref="Peeking"/>, analysed, then Peek's declaration replaced.</summary>
    private static (FlowContext Before, FlowContext After) Peek(string project, string replacement) =>
        EditedProject.Edit("DeclarationCarryPeek" + project, new[] { ("/src/Helpers.cs", Peeking), ("/src/Store.cs", Store), ("/src/Agent.cs", Sender) },
            "/src/Helpers.cs", "public static int Peek() => Store.Counted.Length;", replacement, flow => Findings(flow));

    /// <summary>
    /// Fill moved, written the same, from Other to Helpers, where the Text it writes is Helpers' (which Report sends),
    /// not Other's: the writers of Text changed, though no member that mentions Text was written otherwise.
    /// </summary>
    [Fact]
    public void A_writer_moved_to_another_type_searches_what_it_writes_again()
    {
        const string moving = """
            using Microsoft.CodeAnalysis;

            static class Other
            {
                public static string Text = "";

                public static void Fill(ISymbol symbol) { Text = symbol.Name; }
            }

            static class Helpers
            {
                public static string Text = "";
            }
            """;
        const string caller = """
            using Microsoft.ApplicationInsights;

            class Agent
            {
                private static readonly TelemetryClient Client = new();

                void Report() => Client.TrackEvent(Helpers.Text);
            }
            """;
        const string from = "\n\n    public static void Fill(ISymbol symbol) { Text = symbol.Name; }\n}\n\nstatic class Helpers\n{\n";
        const string to = "\n}\n\nstatic class Helpers\n{\n    public static void Fill(ISymbol symbol) { Text = symbol.Name; }\n\n";
        var (before, after) = EditedProject.Edit("DeclarationCarryWriterMoved", new[] { ("/src/Helpers.cs", moving), ("/src/Agent.cs", caller) }, "/src/Helpers.cs",
            from, to, flow => Findings(flow));

        Assert.Empty(Findings(before));
        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(after));
        AssertAsFresh(after);
    }

    /// <summary>
    /// Fill's type changed, its declarator written the same: the lambda it holds now writes a Crate's Value, which
    /// Report sends, not a Box's. The field's type types its initializer, so the field is written otherwise.
    /// </summary>
    [Fact]
    public void A_field_whose_type_changed_searches_what_its_initializer_writes_again()
    {
        const string fields = """
            using System;
            using Microsoft.CodeAnalysis;

            class Box { public string Value = ""; }

            class Crate { public string Value = ""; }

            static class Helpers
            {
                public static Action<Box, ISymbol> Fill = (b, s) => b.Value = s.Name;
            }
            """;
        const string caller = """
            using Microsoft.ApplicationInsights;

            class Agent
            {
                private static readonly TelemetryClient Client = new();

                void Report(Crate crate) => Client.TrackEvent(crate.Value);
            }
            """;
        var (before, after) = EditedProject.Edit("DeclarationCarryFieldType", new[] { ("/src/Helpers.cs", fields), ("/src/Agent.cs", caller) }, "/src/Helpers.cs",
            "Action<Box, ISymbol>", "Action<Crate, ISymbol>", flow => Findings(flow));

        Assert.Empty(Findings(before));
        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(after));
        AssertAsFresh(after);
    }

    /// <summary>
    /// A constant's value changed: the compiler folds it into every member that reads it, so Report's body now sends
    /// to another destination though its text is unchanged. A constant is declared by its value, so the edit
    /// redeclares Url and Report, which mentions it, is made again; taken over, it would still send to the old host.
    /// </summary>
    [Theory]
    [InlineData("public const string Url = \"https://declared.example/\";", "public const string Url = \"https://elsewhere.example/\";")]
    [InlineData("public const string Url = \"https://declared.example/\";", "public const string Url = \"https://declared.\" + \"example/ingest\";")]
    public void A_constant_whose_value_changed_is_redeclared(string declared, string redeclared)
    {
        var endpoints = "static class Endpoints\n{\n    " + declared + "\n\n    public static void Idle() { }\n}\n";
        const string caller = """
            using System.Net.Http;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                private static readonly HttpClient Http = new();

                void Report(ISymbol symbol) => Http.PostAsync(Endpoints.Url, new StringContent(symbol.Name));
            }
            """;
        var (before, after) = EditedProject.Edit("DeclarationCarryConstant" + redeclared.Length + declared.Length,
            new[] { ("/src/Endpoints.cs", endpoints), ("/src/Agent.cs", caller) }, "/src/Endpoints.cs", declared, redeclared, flow => Destinations(flow));

        Assert.Equal(new[] { "HttpClient.PostAsync SymbolName https://declared.example/" }, Destinations(before));
        Assert.Equal(Destinations(EditedProject.Fresh(after.Compilation)), Destinations(after));
        Assert.NotEqual(Destinations(before), Destinations(after));
        AssertAsFresh(after);
    }

    /// <summary>
    /// Pick(string) added beside Pick(object): the call in Holder's primary constructor's base call now binds to it, so
    /// Holder's Text holds a symbol's name, which Report sends. The base call's arguments are the primary constructor's
    /// code, a member that mentions the redeclared name.
    /// </summary>
    [Fact]
    public void A_redeclared_name_mentioned_in_a_primary_constructors_base_call_rebinds_it()
    {
        const string helpers = """
            static class Helpers
            {
                public static string Pick(object value) => "fixed";
            }
            """;
        const string holder = """
            using Microsoft.CodeAnalysis;

            class Base
            {
                public Base(string text) { Text = text; }

                public string Text { get; }
            }

            class Holder(ISymbol symbol) : Base(Helpers.Pick(symbol.Name))
            {
            }
            """;
        const string caller = """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                private static readonly TelemetryClient Client = new();

                void Report(ISymbol symbol) => Client.TrackEvent(new Holder(symbol).Text);
            }
            """;
        var (before, after) = EditedProject.Edit("DeclarationCarryPrimaryBase", new[] { ("/src/Helpers.cs", helpers), ("/src/Holder.cs", holder), ("/src/Agent.cs", caller) },
            "/src/Helpers.cs", "public static string Pick(object value) => \"fixed\";",
            "public static string Pick(string text) => text;\n\n    public static string Pick(object value) => \"fixed\";", flow => Findings(flow));

        Assert.Empty(Findings(before));
        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(after));
        AssertAsFresh(after);
    }

    /// <summary>
    /// The arguments of a primary constructor's base call edited: its code, so a body edit, which carries what the edit
    /// does not touch (Tools.Kind's summary), not a change of the file's declarations, which would carry nothing.
    /// </summary>
    [Fact]
    public void The_arguments_of_a_primary_constructors_base_call_are_its_body()
    {
        const string holder = """
            using Microsoft.CodeAnalysis;

            class Stored
            {
                public Stored(string text) { Text = text; }

                public string Text { get; }
            }

            class Holder(ISymbol symbol) : Stored(symbol.Kind.ToString())
            {
            }
            """;
        const string tools = """
            using Microsoft.CodeAnalysis;

            static class Tools
            {
                public static string Kind(ISymbol symbol) => symbol.Kind.ToString();
            }
            """;
        const string caller = """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                private static readonly TelemetryClient Client = new();

                void Report(ISymbol symbol)
                {
                    Client.TrackEvent(Tools.Kind(symbol));
                    Client.TrackEvent(new Holder(symbol).Text);
                }
            }
            """;
        var (before, after) = EditedProject.Edit("DeclarationCarryPrimaryBody", new[] { ("/src/Holder.cs", holder), ("/src/Tools.cs", tools), ("/src/Agent.cs", caller) },
            "/src/Holder.cs", "Stored(symbol.Kind.ToString())", "Stored(symbol.Name)", flow => Findings(flow));

        Assert.Empty(Findings(before));
        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(after));
        AssertAsFresh(after);
        Assert.True(after.Carry.TakenSummaries > 0);
    }

    /// <summary>Report's findings with the destination each sink call sends to, as far as it is known.</summary>
    private static List<string> Destinations(FlowContext flow) =>
        Report(flow).SinkCalls.SelectMany(call => call.Flows.Select(f => $"{call.Api} {f.Label} {call.Destination?.KnownPrefix}{(call.Destination?.IsComplete == false ? "..." : "")}"))
            .OrderBy(f => f, System.StringComparer.Ordinal).ToList();

    /// <summary>Two members swapped: field initializers run in the order of their declarations, so nothing is carried.</summary>
    [Fact]
    public void Members_reordered_carry_nothing()
    {
        var (_, after) = Edit(nameof(Members_reordered_carry_nothing), "    public static void Send(object value) => Client.TrackEvent(\"fixed\");\n\n    public static void Idle() { }",
            "    public static void Idle() { }\n\n    public static void Send(object value) => Client.TrackEvent(\"fixed\");");

        AssertAsFresh(after);
        Assert.Equal(0, after.Carry.TakenSummaries);
    }

    private static void AssertAsFresh(FlowContext after)
    {
        var fresh = EditedProject.Fresh(after.Compilation);
        Assert.Equal(Findings(fresh), Findings(after));
        Assert.Equal(Traces(fresh), Traces(after));
    }

    /// <summary>The project analysed, then Helpers.cs edited as the editor does.</summary>
    private static (FlowContext Before, FlowContext After) Edit(string project, string text, string replacement) =>
        EditedProject.Edit("DeclarationCarry" + project, new[] { ("/src/Helpers.cs", Helpers), ("/src/State.cs", State), ("/src/Agent.cs", Agent) },
            "/src/Helpers.cs", text, replacement, flow => Findings(flow));

    private static IMethodSymbol Method(FlowContext flow, string type, string name) =>
        flow.Compilation.GetTypeByMetadataName(type)!.GetMembers(name).OfType<IMethodSymbol>().First();

    /// <summary>Agent.Report's findings: each sink call that sends something, with what.</summary>
    private static List<string> Findings(FlowContext flow) =>
        Report(flow).SinkCalls.SelectMany(call => call.Flows.Select(f => $"{call.Api} {f.Label}")).OrderBy(f => f, System.StringComparer.Ordinal).ToList();
}
