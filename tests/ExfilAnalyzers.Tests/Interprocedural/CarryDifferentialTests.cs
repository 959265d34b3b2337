using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// The answers the engine carries from one compilation of a project to the next must never change a
/// diagnostic. Three projects are edited one statement or member at a time, as the editor makes edits, and after
/// each edit the analyzers, taking over what the compilation before learnt, must report what a fresh
/// build of the same code reports: one whose senders read state written in other files (a chain of
/// fields, a property, a value passed by callers, a callback, an alias), each writer statement deleted
/// or made to store a symbol's name, and each member deleted, renamed or preceded by another; one whose
/// members call helpers that send nothing, each helper statement deleted or made to send; and a hub
/// whose statements are padded, deleted or made to return something else.
/// </summary>
[Collection(ProjectCacheCollection.Name)]
public class CarryDifferentialTests
{
    private const string Store = """
        using System;
        using System.Collections.Generic;
        using Microsoft.CodeAnalysis;

        static class Store
        {
            public static string First = "";
            public static string Second = "";
            public static string Passed = "";
            public static string Counted { get; set; } = "";
            public static Action<string> OnText = _ => { };
            public static List<string> Items = new();
            public static List<string> Alias = new();

            public static void WriteFirst(ISymbol s)
            {
                First = s.Kind.ToString();
            }

            public static void CopyFirst(ISymbol s)
            {
                Second = First;
            }

            public static void Take(string text, ISymbol s)
            {
                Passed = text;
            }

            public static void Count(ISymbol s)
            {
                Counted = s.Name.Length.ToString();
            }

            public static void Install(ISymbol s)
            {
                OnText = text => Console.WriteLine(text.Length);
            }

            public static void Link(ISymbol s)
            {
                Alias = Items;
            }

            public static void Fill(ISymbol s)
            {
                Alias.Add(s.Kind.ToString());
            }
        }
        """;

    private const string Callers = """
        using Microsoft.CodeAnalysis;

        static class Callers
        {
            public static void Pass(ISymbol s)
            {
                Store.Take(s.Kind.ToString(), s);
            }
        }
        """;

    private const string Sender = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Sender
        {
            private static readonly TelemetryClient Client = new();

            void SendFirst() => Client.TrackEvent(Store.First);
            void SendSecond() => Client.TrackEvent(Store.Second);
            void SendPassed() => Client.TrackEvent(Store.Passed);
            void SendCounted() => Client.TrackEvent(Store.Counted);
            void Call(ISymbol s) => Store.OnText(s.Name);
            void SendItems() => Client.TrackEvent(string.Join(",", Store.Items));
        }
        """;

    [Fact]
    public async Task Every_writer_statement_deleted_or_made_to_store_a_name_gives_what_a_fresh_build_gives()
    {
        var project = EditedProject.Compile("CarryDifferential", new[] { ("/src/Store.cs", Store), ("/src/Callers.cs", Callers), ("/src/Sender.cs", Sender) });

        var (_, edits, changed, _) = await EachEditAsFreshAsync(project, project.SyntaxTrees.Where(t => t.FilePath != "/src/Sender.cs"), Replacements);

        // The edits must matter: five add a leak through state that a carried clean value would hide (First's
        // name, seen by both senders of First and Second; Second's; Passed's, stored by Take and passed by
        // its caller; Counted's). The others delete a write, or break the code (a name is no callback).
        Assert.Equal(16, edits);
        Assert.Equal(5, changed);
    }

    [Fact]
    public async Task Every_member_deleted_renamed_or_preceded_by_another_gives_what_a_fresh_build_gives()
    {
        var project = EditedProject.Compile("CarryDifferentialDeclarations", new[] { ("/src/Store.cs", Store), ("/src/Callers.cs", Callers), ("/src/Sender.cs", Sender) });

        var (original, edits, changed, carrying) = await EachDeclarationEditAsFreshAsync(project, project.SyntaxTrees.Where(t => t.FilePath != "/src/Sender.cs"));

        // 15 members: 7 fields and a property (three edits each) and 7 methods (four each). Only the writers
        // added change what is reported: each sends a name through Passed, which SendPassed reads. Deleting or
        // renaming a member, or adding an overload that takes a number, adds no flow to a project that reports none.
        Assert.Empty(original);
        Assert.Equal(53, edits);
        Assert.Equal(15, changed);

        // Every edit but four takes answers over from the one before. Count is a name the language's patterns
        // call without naming it (a collection's Count), so nothing is carried when members named Count differ
        // between the two compilations: Count deleted; the writer before Count (Count back from CountX); the
        // overload before Count; and Install deleted, which also takes that overload away.
        Assert.Equal(49, carrying);
    }

    // Agent's members pass a name to helpers that send nothing, and names alone say they may (Telemetry's
    // members of the same names send): each helper's "sends nothing" is carried until an edit makes one send.
    private const string Helpers = """
        using Microsoft.ApplicationInsights;

        static class Helpers
        {
            private static readonly TelemetryClient Client = new();
            public static int Count;

            public static void Quiet(string text)
            {
                Count = text.Length;
            }

            public static void Relay(string text)
            {
                Quiet(text);
            }

            public static void Maybe(string text)
            {
                if (text.Length > 3) Relay(text);
            }
        }

        class Telemetry
        {
            private static readonly TelemetryClient Client = new();

            public void Quiet(string text) => Client.TrackEvent(text);
            public void Relay(string text) => Client.TrackEvent(text);
            public void Maybe(string text) => Client.TrackEvent(text);
        }
        """;

    private const string Agent = """
        using Microsoft.CodeAnalysis;

        class Agent
        {
            void First(ISymbol s) { Helpers.Relay(s.Name); }
            void Second(ISymbol s) { Helpers.Maybe(s.Name); }
            void Third(ISymbol s) { Helpers.Quiet(s.Name); }
        }
        """;

    [Fact]
    public async Task Every_helper_statement_deleted_or_made_to_send_gives_what_a_fresh_build_gives()
    {
        var project = EditedProject.Compile("CarryDifferentialSending", new[] { ("/src/Helpers.cs", Helpers), ("/src/Agent.cs", Agent) });

        var (original, edits, changed, _) = await EachEditAsFreshAsync(project, project.SyntaxTrees.Take(1), _ => new[] { "", "Client.TrackEvent(text);" });

        // Making Quiet send reaches all three members, Relay two, Maybe one; deleting a call silences nothing that was reported.
        Assert.Empty(original);
        Assert.Equal(6, edits);
        Assert.Equal(3, changed);
    }

    // Hub's members are called by Callers' members, whose summaries hold no location in Hub.cs: an edit
    // that leaves what a hub member does for its callers keeps what was computed from it (early cutoff).
    private const string Hub = """
        using Microsoft.CodeAnalysis;

        static class Hub
        {
            public static string Tag(ISymbol s)
            {
                var length = s.Name.Length;
                return length.ToString();
            }

            public static string Pick(ISymbol s, string text)
            {
                var picked = text + s.Name.Length;
                return picked;
            }

            public static void Note(ISymbol s, string text)
            {
                var noted = text.Length + s.Name.Length;
            }
        }
        """;

    private const string Users = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Users
        {
            private static readonly TelemetryClient Client = new();

            static string Label(ISymbol s) => "label:" + Hub.Tag(s);
            static string Picked(ISymbol s) => "picked:" + Hub.Pick(s, "x");
            static string Passed(ISymbol s, string text) => "passed:" + Hub.Pick(s, text);

            void SendLabel(ISymbol s) => Client.TrackEvent(Label(s));
            void SendPicked(ISymbol s) => Client.TrackEvent(Picked(s));
            void SendPassed(ISymbol s) => Client.TrackEvent(Passed(s, s.Name));
            void SendNoted(ISymbol s) { Hub.Note(s, "x"); Client.TrackEvent("noted"); }
        }
        """;

    [Fact]
    public async Task Every_hub_statement_padded_deleted_or_made_to_use_a_name_gives_what_a_fresh_build_gives()
    {
        var project = EditedProject.Compile("CarryDifferentialHub", new[] { ("/src/Hub.cs", Hub), ("/src/Users.cs", Users) });

        var (original, edits, changed, _) = await EachEditAsFreshAsync(project, project.SyntaxTrees.Take(1), HubReplacements);

        // SendPassed leaks the name it passes through Pick. Five statements, four edits each; nine change what
        // is reported. Tag's local or its return made a name: Label sends it (2). Pick's local or its return
        // deleted (which breaks Pick) or made a constant: Pick returns nothing of the text, and SendPassed's leak
        // goes or no longer passes through Pick (4). Pick's local or its return made a name: Picked sends it, and
        // Passed's leak starts there (2). Padding Pick's local moves a step of SendPassed's path along its line
        // (1). Padding anything else changes nothing; nor does Tag broken or made to return a constant, or Note's local.
        Assert.Single(original);
        Assert.Equal(20, edits);
        Assert.Equal(9, changed);
    }

    /// <summary>
    /// The statement with an unused local before it (what it does for its callers does not change), deleted,
    /// and made to use a constant (an edit that mentions no name) or a symbol's name (returned, or kept in a local).
    /// </summary>
    private static IEnumerable<string> HubReplacements(StatementSyntax statement)
    {
        yield return "int padding = 0; " + statement;
        yield return "";
        foreach (var value in new[] { "\"none\"", "s.Name" })
        {
            yield return statement switch
            {
                ReturnStatementSyntax => $"return {value};",
                LocalDeclarationStatementSyntax local => $"var {local.Declaration.Variables[0].Identifier} = {value};",
                _ => statement.ToString(),
            };
        }
    }

    /// <summary>Each statement of the trees' method bodies replaced, one edit at a time, by each replacement (<see cref="EachAsFreshAsync"/>).</summary>
    private static Task<(List<string> Original, int Edits, int Changed, int Carrying)> EachEditAsFreshAsync(Compilation project, IEnumerable<SyntaxTree> trees,
        Func<StatementSyntax, IEnumerable<string>> replacements) =>
        EachAsFreshAsync(project,
            from tree in trees.ToList()
            from statement in BodyStatements(tree)
            from replacement in replacements(statement)
            select (tree, new TextChange(statement.Span, replacement), $"replacing '{statement}' in {tree.FilePath} with '{replacement}'"));

    /// <summary>
    /// Each member of the trees deleted, renamed, preceded by a method that stores a symbol's name in Passed,
    /// and (a method) preceded by an overload that takes a number, one edit at a time (<see cref="EachAsFreshAsync"/>).
    /// </summary>
    private static Task<(List<string> Original, int Edits, int Changed, int Carrying)> EachDeclarationEditAsFreshAsync(Compilation project,
        IEnumerable<SyntaxTree> trees) =>
        EachAsFreshAsync(project,
            from tree in trees.ToList()
            from member in tree.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is not BaseTypeDeclarationSyntax)
            let name = member switch
            {
                MethodDeclarationSyntax method => method.Identifier,
                PropertyDeclarationSyntax property => property.Identifier,
                FieldDeclarationSyntax field => field.Declaration.Variables[0].Identifier,
                _ => default,
            }
            from edit in DeclarationEdits(member, name)
            select (tree, edit.Change, $"{name.ValueText} {edit.What} in {tree.FilePath}"));

    private static IEnumerable<(TextChange Change, string What)> DeclarationEdits(MemberDeclarationSyntax member, SyntaxToken name)
    {
        yield return (new TextChange(member.Span, ""), "deleted");
        yield return (new TextChange(name.Span, name.ValueText + "X"), "renamed");
        yield return (new TextChange(new TextSpan(member.SpanStart, 0), "public static void Added(ISymbol s) { Store.Passed = s.Name; }\n    "), "preceded by a writer");
        if (member is MethodDeclarationSyntax)
        {
            yield return (new TextChange(new TextSpan(member.SpanStart, 0), $"public static void {name.ValueText}(int unused) {{ }}\n    "), "preceded by an overload");
        }
    }

    /// <summary>
    /// Each edit made to the project alone, one at a time, so that the compilation before each is the one of
    /// the edit before; after each, the diagnostics with what that compilation learnt taken over must be a
    /// fresh build's. The project's diagnostics before any edit, how many edits were made, how many changed
    /// them, and how many took answers over.
    /// </summary>
    private static async Task<(List<string> Original, int Edits, int Changed, int Carrying)> EachAsFreshAsync(Compilation project,
        IEnumerable<(SyntaxTree Tree, TextChange Change, string What)> edits)
    {
        var original = await DiagnosticsAsync(project);
        var count = 0;
        var changed = 0;
        var carrying = 0;
        CarriedAnswers? kept = null;
        foreach (var (tree, change, what) in edits)
        {
            var compilation = project.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(change)));
            var last = CarriedAnswers.Of(compilation);
            var carried = await DiagnosticsAsync(compilation);

            // Held here: the cache holds only its latest project firmly, and the fresh build's is next.
            kept = CarriedAnswers.Of(compilation);
            if (last is not null && kept is not null && TookOver(last, kept)) carrying++;
            var fresh = await DiagnosticsAsync(EditedProject.FreshCopy(compilation, project.AssemblyName + "Fresh" + count));
            Assert.True(fresh.SequenceEqual(carried), $"after {what}:\nfresh:\n{string.Join("\n", fresh)}\ncarried:\n{string.Join("\n", carried)}");
            count++;
            if (!fresh.SequenceEqual(original)) changed++;
        }

        GC.KeepAlive(kept);
        return (original, count, changed, carrying);
    }

    /// <summary>True when the later answers hold a summary or value of the earlier ones: taken over, not made again.</summary>
    private static bool TookOver(CarriedAnswers earlier, CarriedAnswers later) =>
        !ReferenceEquals(earlier, later)
        && (later.Summaries.Any(e => earlier.Summaries.TryGetValue(e.Key, out var kept) && ReferenceEquals(kept, e.Value))
            || later.Values.Any(e => earlier.Values.TryGetValue(e.Key, out var kept) && ReferenceEquals(kept, e.Value)));

    /// <summary>The statement deleted, and (for an assignment or a call) made to store or pass a symbol's name.</summary>
    private static IEnumerable<string> Replacements(StatementSyntax statement)
    {
        yield return "";
        switch (statement)
        {
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }:
                yield return $"{assignment.Left} = s.Name;";
                break;
            case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call }:
                yield return $"{call.Expression}(s.Name{(call.ArgumentList.Arguments.Count > 1 ? ", s" : "")});";
                break;
        }
    }

    private static IEnumerable<StatementSyntax> BodyStatements(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<BlockSyntax>()
            .Where(block => block.Parent is BaseMethodDeclarationSyntax)
            .SelectMany(block => block.Statements);

    private static async Task<List<string>> DiagnosticsAsync(Compilation compilation)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) exceptions.Add(exception); }, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerRunner.All, options).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        return diagnostics.Where(d => d.Id.StartsWith("EXF", StringComparison.Ordinal))
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()} [{string.Join(" ", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()))}]")
            .OrderBy(d => d, StringComparer.Ordinal).ToList();
    }
}
