using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using static ExfilAnalyzers.Tests.Verifiers.CarriedReport;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// An edit of a member that other answers were computed from: those answers are taken over when the
/// member's new summary reads as the old one did to a caller, and computed again when it does not.
/// Every test's findings must be those of the same code analysed from nothing.
/// </summary>
[Collection(ProjectCacheCollection.Name)]
public class EarlyCutoffTests
{
    // Tag returns a number as text (no location); Label adds it to a constant: Report sends nothing sensitive.
    private const string Hub = """
        using Microsoft.CodeAnalysis;

        static class Hub
        {
            public static string Tag(ISymbol symbol)
            {
                return symbol.Name.Length.ToString();
            }
        }
        """;

    private const string Extra = """
        using Microsoft.CodeAnalysis;

        static class Extra
        {
            public static string Size(ISymbol symbol)
            {
                return symbol.Name.Length.ToString();
            }
        }
        """;

    private const string Caller = """
        using Microsoft.CodeAnalysis;

        static class Caller
        {
            public static string Label(ISymbol symbol) => "label:" + Hub.Tag(symbol) + symbol.Name.Length;
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
                Client.TrackEvent(Caller.Label(symbol));
            }
        }
        """;

    [Fact]
    public void An_edit_that_leaves_what_a_member_does_keeps_the_answers_built_on_it()
    {
        var (before, after) = Edit(nameof(An_edit_that_leaves_what_a_member_does_keeps_the_answers_built_on_it),
            "return symbol.Name.Length.ToString();", "var unused = 1;\n        return symbol.Name.Length.ToString();");
        var kept = CarriedAnswers.Of(before.Compilation)!;

        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.Empty(Findings(after));
        Assert.True(TakenOver(kept, after, "Agent", "Report"), "Report's report is kept");
        Assert.False(Computed(kept, after, "Caller", "Label"), "Label's summary is not computed again");
    }

    /// <summary>
    /// A second keystroke in the same member: the answers kept by the first depend on Tag's new summaries in
    /// place of its old ones, so they are again touched only through Tag, and kept again. Had they also kept
    /// the old records, which read Tag's code, every keystroke after the first would make them again.
    /// </summary>
    [Fact]
    public void A_second_edit_of_the_same_member_keeps_the_answers_again()
    {
        var (_, after) = Edit(nameof(A_second_edit_of_the_same_member_keeps_the_answers_again),
            "return symbol.Name.Length.ToString();", "var unused = 1;\n        return symbol.Name.Length.ToString();");
        Assert.Empty(Findings(after));
        var kept = CarriedAnswers.Of(after.Compilation)!;

        var again = EditedProject.EditAgain(after.Compilation, "/src/Hub.cs", "var unused = 1;", "var unused = 12;");

        Assert.Equal(Findings(Fresh(again.Compilation)), Findings(again));
        Assert.True(TakenOver(kept, again, "Agent", "Report"), "Report's report is kept after the second edit");
        Assert.False(Computed(kept, again, "Caller", "Label"), "Label's summary is not computed again after the second edit");
    }

    /// <summary>
    /// Tag also stores a lambda written in it: its old summary holds a function of the edited file, found
    /// again in the new tree as the same lambda of the same member, so the summaries can be compared.
    /// </summary>
    [Fact]
    public void A_member_that_stores_a_lambda_of_its_own_is_compared_by_that_lambda()
    {
        var hub = Hub.Replace("""
                    return symbol.Name.Length.ToString();
            """, """
                    Measure = text => text.Length;
                    return symbol.Name.Length.ToString();
            """).Replace("static class Hub\n{\n", "static class Hub\n{\n    public static System.Func<string, int> Measure = text => 0;\n\n");
        var (before, after) = EditedProject.Edit("CutoffLambda",
            new[] { ("/src/Hub.cs", hub), ("/src/Extra.cs", Extra), ("/src/Caller.cs", Caller), ("/src/Agent.cs", Agent) },
            "/src/Hub.cs", "Measure = text => text.Length;", "var unused = 1;\n        Measure = text => text.Length;", flow => Findings(flow));
        var kept = CarriedAnswers.Of(before.Compilation)!;
        Assert.Contains(kept.Summaries, k => k.Key.Name == "Tag");

        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.True(TakenOver(kept, after, "Agent", "Report"), "Report's report is kept");
        Assert.False(Computed(kept, after, "Caller", "Label"), "Label's summary is not computed again");
    }

    [Fact]
    public void An_edit_that_changes_what_a_member_returns_computes_the_answers_built_on_it_again()
    {
        var (before, after) = Edit(nameof(An_edit_that_changes_what_a_member_returns_computes_the_answers_built_on_it_again),
            "return symbol.Name.Length.ToString();", "return symbol.Name;");
        var kept = CarriedAnswers.Of(before.Compilation)!;

        Assert.Empty(Findings(before));
        Assert.Equal(new[] { "SymbolName Hub.cs" }, Findings(after));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.True(Computed(kept, after, "Caller", "Label"), "Label's summary is computed again");
    }

    /// <summary>
    /// The first edit makes Tag return what Extra.Size returns, a number as Tag did: Report's report is
    /// kept, and must now depend on what Tag's new summary was computed from. The second edit makes Size
    /// return a symbol's name too (an edit that only adds mentions, so which state may hold stays the
    /// same and the compilation before is carried from): the report must be made again, though its own
    /// record names nothing of Extra.cs.
    /// </summary>
    [Fact]
    public void An_answer_kept_depends_on_what_the_member_now_calls()
    {
        var (before, after) = Edit(nameof(An_answer_kept_depends_on_what_the_member_now_calls),
            "return symbol.Name.Length.ToString();", "return Extra.Size(null);");
        var kept = CarriedAnswers.Of(before.Compilation)!;
        Assert.Empty(Findings(after));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.True(TakenOver(kept, after, "Agent", "Report"), "Report's report is kept after the first edit");
        Assert.False(Computed(kept, after, "Caller", "Label"), "Label's summary is not computed again after the first edit");

        var again = EditedProject.EditAgain(after.Compilation, "/src/Extra.cs", "return symbol.Name.Length.ToString();",
            "return symbol.Name + symbol.Name.Length.ToString();");

        Assert.Equal(Findings(Fresh(again.Compilation)), Findings(again));
        Assert.Equal(new[] { "SymbolName Extra.cs" }, Findings(again));
        Assert.True(again.Carry.Continues, "the compilation carries from the one before");
    }

    /// <summary>
    /// Tag(int) added after Tag(ISymbol): Label's call still binds to Tag(ISymbol), so Label is not edited
    /// (<see cref="AddedMembers"/>); Tag(ISymbol) is written the same under the same key, so it is not edited either,
    /// and neither Label's answers nor Report's, built on them, are made again.
    /// </summary>
    [Fact]
    public void An_overload_no_caller_binds_to_leaves_the_callers_and_what_was_built_on_them()
    {
        var (before, after) = Edit(nameof(An_overload_no_caller_binds_to_leaves_the_callers_and_what_was_built_on_them), "    }\n}",
            "    }\n\n    public static string Tag(int count) => count.ToString();\n}");
        var kept = CarriedAnswers.Of(before.Compilation)!;

        Assert.Empty(Findings(after));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.False(Computed(kept, after, "Caller", "Label"), "Label is not made again");
        Assert.True(TakenOver(kept, after, "Agent", "Report"), "Report's report is kept");
    }

    // Hub of the redeclaration tests: Tag(int) after Tag(ISymbol). The edit declares it Tag(long): a member of the
    // name rewritten, so every member that mentions Tag is edited (its call could bind elsewhere now, AddedMembers),
    // though each still calls Tag(ISymbol), written the same under the same key, and reads as before.
    private static readonly string CountHub = Hub.Replace("    }\n}", "    }\n\n    public static string Tag(int count) => count.ToString();\n}");
    private const string TagDeclared = "    public static string Tag(int count)";
    private const string TagOverloaded = "    public static string Tag(long count)";

    /// <summary>
    /// Tag(int) declared Tag(long): Label, which mentions Tag, is made again, and reads as before; Report, built on
    /// Label's summary, is kept.
    /// </summary>
    [Fact]
    public void An_overload_added_keeps_the_answers_built_on_an_unchanged_caller_of_its_name()
    {
        var (before, after) = Edit(nameof(An_overload_added_keeps_the_answers_built_on_an_unchanged_caller_of_its_name), TagDeclared, TagOverloaded, CountHub);
        var kept = CarriedAnswers.Of(before.Compilation)!;

        Assert.Empty(Findings(after));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.True(Computed(kept, after, "Caller", "Label"), "Label is made again");
        Assert.True(TakenOver(kept, after, "Agent", "Report"), "Report's report is kept");
    }

    // Tag(object) returns a constant, as Tag(int) does; Label and Raw both call Tag(object), Raw with a symbol's name.
    // Label reads a name's length, so it is analysed (a member that names no source returns nothing to analyse).
    private const string Overloaded = """
        static class Hub
        {
            public static string Tag(int count) => "count";

            public static string Tag(object value) => "tag";
        }
        """;

    private const string Callers = """
        using Microsoft.CodeAnalysis;

        static class Caller
        {
            public static string Label(ISymbol symbol) => "label:" + Hub.Tag(symbol) + symbol.Name.Length;

            public static string Raw(ISymbol symbol) => Hub.Tag(symbol.Name);
        }
        """;

    private const string Roots = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Agent
        {
            private static readonly TelemetryClient Client = new();

            void Report(ISymbol symbol) => Client.TrackEvent(Caller.Label(symbol));

            void Forward(ISymbol symbol) => Client.TrackEvent(Caller.Raw(symbol));
        }
        """;

    /// <summary>
    /// Tag(string) added and Tag(int) declared Tag(long): Raw's call now binds to Tag(string) and returns the name;
    /// Label's still binds to Tag(object), but is made again too (a member of the name was rewritten). Forward, built
    /// on Raw, is made again and sends the name; Report, built on Label only, is kept.
    /// </summary>
    [Fact]
    public void Of_the_callers_made_again_only_those_that_read_otherwise_make_their_answers_again()
    {
        var (before, after) = EditedProject.Edit("CutoffPerMember",
            new[] { ("/src/Hub.cs", Overloaded), ("/src/Caller.cs", Callers), ("/src/Agent.cs", Roots) },
            "/src/Hub.cs", "    public static string Tag(int count)", "    public static string Tag(string text) => text;\n\n    public static string Tag(long count)",
            flow => RootFindings(flow, "Report").Concat(RootFindings(flow, "Forward")).ToList());
        var kept = CarriedAnswers.Of(before.Compilation)!;
        Assert.Empty(RootFindings(before, "Forward"));

        var fresh = Fresh(after.Compilation);
        Assert.Equal(RootFindings(fresh, "Report"), RootFindings(after, "Report"));
        Assert.Equal(RootFindings(fresh, "Forward"), RootFindings(after, "Forward"));
        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName" }, RootFindings(after, "Forward"));
        Assert.True(TakenOver(kept, after, "Agent", "Report"), "Report's report is kept");
        Assert.True(Computed(kept, after, "Agent", "Forward"), "Forward's report is made again");
        Assert.True(Computed(kept, after, "Caller", "Label"), "Label is made again");
    }

    // Box.Tag, a member of the redeclared name in another file, makes an Item from what Hub.Tag returns; Report
    // sends an Item's Text, whose value is read from the Item constructor's callers, so from Box.Tag's summary.
    private const string Boxes = """
        using Microsoft.CodeAnalysis;

        class Item
        {
            public string Text;

            public Item(string text) { Text = text; }
        }

        static class Box
        {
            public static Item Tag(ISymbol symbol) => new Item(Hub.Tag(symbol));
        }
        """;

    private const string ItemAgent = """
        using Microsoft.ApplicationInsights;

        class Agent
        {
            private static readonly TelemetryClient Client = new();

            void Report(Item item) => Client.TrackEvent(item.Text);
        }
        """;

    /// <summary>
    /// Tag(int) declared Tag(long) in Hub: Box.Tag, of the same name in another file, mentions Hub.Tag, so it is made again,
    /// and reads as before. Its key names it as before (its own file is unchanged), so what was read from its
    /// summary (Item.Text's value, and Report on it) is kept.
    /// </summary>
    [Fact]
    public void A_member_of_the_redeclared_name_in_another_file_is_compared_like_any_other()
    {
        var (before, after) = EditedProject.Edit("CutoffSameNameElsewhere",
            new[] { ("/src/Hub.cs", CountHub), ("/src/Box.cs", Boxes), ("/src/Agent.cs", ItemAgent) }, "/src/Hub.cs", TagDeclared, TagOverloaded, flow => Findings(flow));
        var kept = CarriedAnswers.Of(before.Compilation)!;

        Assert.Empty(Findings(after));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.True(Computed(kept, after, "Box", "Tag"), "Box.Tag is made again");
        Assert.True(TakenOver(kept, after, "Agent", "Report"), "Report's report is kept");
    }

    // Wrap calls Label without naming Tag; Both names Tag and calls Wrap. Label reads a name's length, so it is analysed.
    private const string Layers = """
        using Microsoft.CodeAnalysis;

        static class Caller
        {
            public static string Label(ISymbol symbol) => "label:" + Hub.Tag(symbol) + symbol.Name.Length;
        }

        static class Middle
        {
            public static string Wrap(ISymbol symbol) => Caller.Label(symbol) + "!";
        }

        static class Outer
        {
            public static string Both(ISymbol symbol) => Middle.Wrap(symbol) + Hub.Tag(symbol);
        }
        """;

    private const string BothAgent = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Agent
        {
            private static readonly TelemetryClient Client = new();

            void Report(ISymbol symbol) => Client.TrackEvent(Outer.Both(symbol));
        }
        """;

    /// <summary>
    /// Tag(int) declared Tag(long): Label and Both mention Tag, so both are made again; Wrap, built on Label, waits for Label's
    /// check, and Both's new summary needs Wrap's. Label is checked first (Both's old summary was built on it
    /// through Wrap), so Wrap is kept by then and Both takes it instead of making it again.
    /// </summary>
    [Fact]
    public void An_answer_that_an_edited_member_needs_is_kept_before_that_member_is_checked()
    {
        var (before, after) = EditedProject.Edit("CutoffCalleesFirst",
            new[] { ("/src/Hub.cs", CountHub), ("/src/Layers.cs", Layers), ("/src/Agent.cs", BothAgent) }, "/src/Hub.cs", TagDeclared, TagOverloaded, flow => Findings(flow));
        var kept = CarriedAnswers.Of(before.Compilation)!;

        Assert.Empty(Findings(after));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.True(Computed(kept, after, "Outer", "Both"), "Both is made again");
        Assert.False(Computed(kept, after, "Middle", "Wrap"), "Wrap is taken over, not made again for Both");
        Assert.True(TakenOver(kept, after, "Agent", "Report"), "Report's report is kept");
    }

    /// <summary>What the root sends: each sink call with each label.</summary>
    private static List<string> RootFindings(FlowContext flow, string name) =>
        flow.Summaries.ForRoot(Method(flow, "Agent", name), CancellationToken.None).SinkCalls
            .SelectMany(call => call.Flows.Select(f => $"{call.Api} {f.Label}"))
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .ToList();

    private static (FlowContext Before, FlowContext After) Edit(string project, string text, string replacement, string hub = Hub) =>
        EditedProject.Edit("Cutoff" + project,
            new[] { ("/src/Hub.cs", hub), ("/src/Extra.cs", Extra), ("/src/Caller.cs", Caller), ("/src/Agent.cs", Agent) },
            "/src/Hub.cs", text, replacement, flow => Findings(flow));

    private static FlowContext Fresh(Compilation compilation) => EditedProject.Fresh(compilation);

    /// <summary>Whether the compilation after the edit holds the member's summaries, none of them computed there.</summary>
    private static bool TakenOver(CarriedAnswers kept, FlowContext after, string type, string name) =>
        Cached(after, Method(after, type, name)).Any() && !CarriedReport.Computed(kept, after, Method(after, type, name));

    private static bool Computed(CarriedAnswers kept, FlowContext after, string type, string name) =>
        CarriedReport.Computed(kept, after, Method(after, type, name));

    private static IMethodSymbol Method(FlowContext flow, string type, string name) =>
        flow.Compilation.GetTypeByMetadataName(type)!.GetMembers(name).OfType<IMethodSymbol>().Single();

    /// <summary>Agent.Report's findings: the label and the file its data came from.</summary>
    private static List<string> Findings(FlowContext flow) =>
        Report(flow).SinkCalls.SelectMany(call => call.Flows.Select(f => $"{f.Label} {System.IO.Path.GetFileName(f.Trace.SourceLocation.SourceTree?.FilePath)}"))
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .ToList();
}
