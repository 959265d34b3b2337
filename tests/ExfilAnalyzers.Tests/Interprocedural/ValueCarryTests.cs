using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using static ExfilAnalyzers.Tests.Verifiers.CarriedReport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// Clean field values carried from one compilation of a project to the next, as the IDE makes one per
/// keystroke (docs/design.md, "Fields and properties"): a value is taken over only when nothing it was
/// computed from was edited. Each test analyses a compilation, edits one file as the editor does, and
/// analyses the result: its findings must be those of the same code analysed from nothing, and values
/// must be taken over exactly where the edit could not change them.
/// </summary>
[Collection(ProjectCacheCollection.Name)]
public class ValueCarryTests
{
    // Last holds a count (clean); Named the symbol's name, which Agent.Report sends; Copied what Inner
    // holds one hop later (a count: its value at level 1 is computed from Inner's at level 0).
    private const string Holder = """
        using Microsoft.CodeAnalysis;

        static class Holder
        {
            public static string Last = "";
            public static string Named = "";
            public static string Inner = "";
            public static string Copied = "";

            public static void Early() { }

            public static void Remember(ISymbol symbol)
            {
                Last = Describe(symbol);
                Named = symbol.Name;
            }

            public static void Other(ISymbol other)
            {
                Named = other.Name;
            }

            public static void Keep(ISymbol kept)
            {
                Inner = kept.Name.Length.ToString();
            }

            public static void Copy()
            {
                Copied = Inner;
            }

            static string Describe(ISymbol symbol) => symbol.Name.Length.ToString();
        }
        """;

    private const string Agent = """
        using Microsoft.ApplicationInsights;

        class Agent
        {
            private static readonly TelemetryClient Client = new();

            void Report()
            {
                Client.TrackEvent(Holder.Last);
                Client.TrackEvent(Holder.Named);
                Client.TrackEvent(Holder.Copied);
            }

            int Idle()
            {
                return 1;
            }
        }
        """;

    [Fact]
    public void An_edit_in_code_no_value_read_carries_the_values_over()
    {
        var (before, after) = Edit(nameof(An_edit_in_code_no_value_read_carries_the_values_over), "/src/Agent.cs", "return 1;", "return 2;");

        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(before));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        // Last's, Named's and Copied's values are asked for, and taken over (Named's with its trace); Inner's is not even asked.
        Assert.Equal(3, after.Summaries.CarriedValues);
        Assert.Equal(Traces(Fresh(after.Compilation)), Traces(after));
    }

    /// <summary>
    /// Named's value read nothing of Early, but its trace points into the same file, below the lines the
    /// edit adds: taken over, it would point at the old lines, in a tree the compilation no longer has.
    /// </summary>
    [Fact]
    public void A_value_whose_trace_is_in_an_edited_file_is_computed_again()
    {
        var (before, after) = Edit(nameof(A_value_whose_trace_is_in_an_edited_file_is_computed_again), "/src/Holder.cs",
            "public static void Early() { }", "public static void Early()\n    {\n        int pad = 1;\n    }");

        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(before));
        Assert.Equal(Traces(Fresh(after.Compilation)), Traces(after));
        Assert.All(Locations(after), location => Assert.True(location.SourceTree is { } tree && after.Compilation.ContainsSyntaxTree(tree)));

        // Last's and Copied's values are clean: they hold no location.
        Assert.Equal(2, after.Summaries.CarriedValues);
    }

    /// <summary>The analyzer in the driver, as the IDE runs it on the edited file: what a fresh build reports, and no analyzer exception.</summary>
    [Theory]
    [InlineData("/src/Holder.cs", "public static void Early() { }", "public static void Early()\n    {\n        int pad = 1;\n    }")]
    [InlineData("/src/Agent.cs", "return 1;", "return 2;")]
    [InlineData("/src/Holder.cs", "Inner = kept.Name.Length.ToString();", "Inner = kept.Name;")]
    public async Task The_driver_reports_after_an_edit_what_it_reports_from_nothing(string path, string text, string replacement)
    {
        var (before, after) = Edit("Driver" + text.Length + replacement.Length, path, text, replacement);
        var agent = after.Compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Agent.cs");
        await Diagnostics(before.Compilation, before.Compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Agent.cs"));

        var edited = await Diagnostics(after.Compilation, agent);

        Assert.DoesNotContain(edited, d => d.Contains("AD0001"));
        Assert.Contains(edited, d => d.StartsWith("EXF1002", System.StringComparison.Ordinal));
        var fresh = Fresh(after.Compilation).Compilation;
        Assert.Equal(await Diagnostics(fresh, fresh.SyntaxTrees.Single(t => t.FilePath == "/src/Agent.cs")), edited);
    }

    /// <summary>The file's diagnostics as the IDE asks for them, with every location, by file and line.</summary>
    private static async Task<List<string>> Diagnostics(Compilation compilation, SyntaxTree tree)
    {
        var analyzers = compilation.WithAnalyzers(AnalyzerRunner.All, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None);
        return diagnostics.Select(d => $"{d.Id} {Line(d.Location)} {d.GetMessage()} [{string.Join(" ", d.AdditionalLocations.Select(Line))}]")
            .OrderBy(d => d, System.StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void An_edit_in_code_a_value_was_computed_from_is_seen()
    {
        // Describe is analysed for Last's value, and names nothing the value's computation searched for.
        var (before, after) = Edit(nameof(An_edit_in_code_a_value_was_computed_from_is_seen), "/src/Holder.cs",
            "=> symbol.Name.Length.ToString();", "=> symbol.Name + symbol.Name.Length.ToString();");

        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(before));
        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName", "TelemetryClient.TrackEvent SymbolName" }, Findings(after));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));

        // Copied's value, which the edit could not change, is taken over.
        Assert.Equal(1, after.Summaries.CarriedValues);
    }

    [Fact]
    public void An_edit_in_code_a_value_read_by_another_was_computed_from_is_seen()
    {
        // Copied's value names nothing of Keep: it used Inner's value, which analysed Keep.
        var (before, after) = Edit(nameof(An_edit_in_code_a_value_read_by_another_was_computed_from_is_seen), "/src/Holder.cs",
            "Inner = kept.Name.Length.ToString();", "Inner = kept.Name;");

        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(before));
        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName", "TelemetryClient.TrackEvent SymbolName" }, Findings(after));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
    }

    [Fact]
    public void A_new_writer_in_code_the_value_never_read_is_seen()
    {
        // Other did not write Last, so Last's value read nothing of it: only the name it now mentions tells.
        var (before, after) = Edit(nameof(A_new_writer_in_code_the_value_never_read_is_seen), "/src/Holder.cs",
            "Named = other.Name;", "Named = other.Name; Last = other.Name;");

        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(before));
        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName", "TelemetryClient.TrackEvent SymbolName" }, Findings(after));
        Assert.Equal(1, after.Summaries.CarriedValues);
    }

    /// <summary>
    /// The edited statement names nothing the value searched for, but changes a local's type: a statement
    /// the edit did not touch, <c>box.Tag = symbol.Name</c>, now writes the state Agent.Report sends.
    /// </summary>
    [Fact]
    public void An_edit_that_changes_a_local_used_elsewhere_is_seen()
    {
        const string boxes = """
            using Microsoft.CodeAnalysis;

            class Box { public string Tag = ""; }

            class Decoy { public string Tag = ""; }

            static class Holder
            {
                public static readonly Box Shared = new();

                public static void Fill(ISymbol symbol)
                {
                    var box = new Decoy();
                    box.Tag = symbol.Name;
                }
            }
            """;
        const string agent = """
            using Microsoft.ApplicationInsights;

            class Agent
            {
                private static readonly TelemetryClient Client = new();

                void Report() => Client.TrackEvent(Holder.Shared.Tag);
            }
            """;

        var (before, after) = Edit(nameof(An_edit_that_changes_a_local_used_elsewhere_is_seen), "/src/Holder.cs", "new Decoy()", "new Box()", boxes, agent);

        Assert.Empty(Findings(before));
        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, Findings(after));
    }

    /// <summary>A callback stored in a field is carried as what finds it again: the lambda, and a method by its id.</summary>
    [Theory]
    [InlineData("text => Client.TrackEvent(text)")]
    [InlineData("Send")]
    public void A_value_that_holds_a_function_is_carried_and_found_again(string callback)
    {
        var hooks = $$"""
            using System;
            using Microsoft.ApplicationInsights;

            static class Holder
            {
                private static readonly TelemetryClient Client = new();
                public static Action<string> OnName = _ => { };

                public static void Install()
                {
                    OnName = {{callback}};
                }

                static void Send(string text) => Client.TrackEvent(text);
            }
            """;
        const string agent = """
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(ISymbol symbol) => Holder.OnName(symbol.Name);

                int Idle()
                {
                    return 1;
                }
            }
            """;

        var (before, after) = Edit(nameof(A_value_that_holds_a_function_is_carried_and_found_again) + callback.Length, "/src/Agent.cs", "return 1;", "return 2;",
            hooks, agent);

        Assert.NotEmpty(Traces(before));
        Assert.Equal(Traces(Fresh(after.Compilation)), Traces(after));
        Assert.Equal(1, after.Summaries.CarriedValues);
    }

    /// <summary>A method added that no code mentions: no value read it, so all three are taken over, as after a body edit.</summary>
    [Fact]
    public void A_method_added_carries_the_values_it_cannot_change()
    {
        var (_, after) = Edit(nameof(A_method_added_carries_the_values_it_cannot_change), "/src/Agent.cs", "int Idle()", "int Busy() => 2;\n\n    int Idle()");

        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.Equal(Traces(Fresh(after.Compilation)), Traces(after));
        Assert.Equal(3, after.Summaries.CarriedValues);
    }

    /// <summary>A type added changes what the file declares outside its members: nothing is carried.</summary>
    [Fact]
    public void A_type_added_carries_nothing()
    {
        var (_, after) = Edit(nameof(A_type_added_carries_nothing), "/src/Agent.cs", "class Agent", "class Busy { }\n\nclass Agent");

        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.Equal(0, after.Summaries.CarriedValues);
        Assert.Equal(0, after.Carry.TakenSummaries);
    }

    [Theory]
    [InlineData("return 1;", "return Holder.")]
    [InlineData("return 1;", "return 1")]
    [InlineData("Client.TrackEvent(Holder.Named);", "Client.TrackEvent(Holder.Named")]
    [InlineData("=> symbol.Name.Length.ToString();", "=> symbol.Name.")]
    public void A_half_typed_edit_gives_what_the_same_code_gives_from_nothing(string text, string typed)
    {
        var (_, after) = Edit("HalfTyped" + typed.Length + text.Length, text.StartsWith("=>", System.StringComparison.Ordinal) ? "/src/Holder.cs" : "/src/Agent.cs",
            text, typed);

        Assert.NotEmpty(after.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
    }

    /// <summary>The project analysed, then one file edited as the editor does and analysed again.</summary>
    private static (FlowContext Before, FlowContext After) Edit(string project, string path, string text, string replacement, string holder = Holder,
        string agent = Agent) =>
        EditedProject.Edit("Carry" + project, new[] { ("/src/Holder.cs", holder), ("/src/Agent.cs", agent) }, path, text, replacement, flow => Findings(flow));

    private static FlowContext Fresh(Compilation compilation) => EditedProject.Fresh(compilation);


    /// <summary>Agent.Report analysed for its own diagnostics: each sink call that sends something, with what.</summary>
    private static List<string> Findings(FlowContext flow)
    {
        var report = flow.Compilation.GetTypeByMetadataName("Agent")!.GetMembers("Report").OfType<IMethodSymbol>().Single();
        return flow.Summaries.ForRoot(report, CancellationToken.None).SinkCalls
            .Where(call => !call.Flows.IsEmpty)
            .Select(call => $"{call.Api} {string.Join(",", call.Flows.Select(f => f.Label).Distinct())}")
            .OrderBy(f => f)
            .ToList();
    }
}
