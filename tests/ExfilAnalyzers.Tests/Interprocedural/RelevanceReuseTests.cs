using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// In the IDE each keystroke is a new compilation, and the relevance filter starts from the previous
/// one's settled graph when the edit only adds to it. Whatever path it takes, every answer must be
/// the one a build from every tree gives.
/// </summary>
public class RelevanceReuseTests
{
    private const string Agent = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Agent
        {
            private static readonly TelemetryClient Client = new();
            private string _note = "";

            void Report(ISymbol symbol) => Client.TrackEvent(Format.Describe(symbol));
            void Quiet(ISymbol symbol) { var n = 1; Client.TrackEvent("quiet" + n); }
            void Later(ISymbol symbol) { Quiet(symbol); Store.Clear(symbol); }
            void Relay(string text) => Store.Keep(text);
            void Flush() => Client.TrackEvent(_note);
        }
        """;

    private const string Format = """
        using Microsoft.CodeAnalysis;

        static class Format
        {
            public static string Describe(ISymbol s) => s.Name;
            public static string Plain(int n) => n.ToString();
            public static string Last = "";
            public static void Remember(ISymbol s) { Last = s.Name; }
        }
        """;

    private const string Store = """
        using Microsoft.CodeAnalysis;

        static class Store
        {
            public static string Kept = "";
            public static System.Action<string>? Hook;
            public static void Keep(string value) => Kept = value;
            public static void Clear(ISymbol s) => Kept = "";
            // Writes a callback that sends: its readers in other files may send (through the edited tree's writer).
            public static void Register(Microsoft.ApplicationInsights.TelemetryClient client) => Hook = text => client.TrackEvent(text);
        }
        """;

    private const string Sender = """
        using Microsoft.ApplicationInsights;

        class Sender
        {
            private static readonly TelemetryClient Client = new();
            public void SendKept() => Client.TrackTrace(Store.Kept);
            public void SendPlain() => Client.TrackTrace(Format.Plain(3));
            public void Fire(string text) => Store.Hook?.Invoke(text);
        }
        """;

    // Go hands a name to Reporter's primary constructor, whose parameters Flush reads as state. Later is half-typed: it
    // reads a parameter not declared yet.
    private const string Reporter = """
        using Microsoft.ApplicationInsights;

        class Reporter(TelemetryClient client, string name)
        {
            public void Flush() => client.TrackEvent(name);

            public void Later() => client.TrackEvent(extra);
        }

        class Caller { void Go(Microsoft.CodeAnalysis.ISymbol s) => new Reporter(null!, s.Name).Flush(); }
        """;

    // Nothing mentions Second: nothing hands it anything until First does.
    private const string Tail = """
        static class Tail
        {
            public static void First() { }
            public static void Second(string text) { }
        }
        """;

    public static TheoryData<string, string, string, string, bool> Edits() => new()
    {
        // file, from, to, what it shows, whether the earlier graph is reused
        { "Agent.cs", "var n = 1;", "var n = symbol.Name;", "a source typed into a member that did not matter", true },
        { "Agent.cs", "var n = 1;", "var n = 1; Relay(symbol.Name);", "a call that hands taint on, to state read in another file", true },
        { "Agent.cs", "void Flush() => Client.TrackEvent(_note);", "void Flush() { _note = System.Environment.UserName; Client.TrackEvent(_note); }",
            "a write of a source into state", true },
        { "Agent.cs", "=> Client.TrackEvent(Format.Describe(symbol));", "{ Store.Keep(\"r\"); Client.TrackEvent(Format.Describe(symbol)); }",
            "a member that matters, calling one more", true },
        { "Agent.cs", "=> Client.TrackEvent(Format.Describe(symbol));", "{ _note = \"seen\"; Client.TrackEvent(Format.Describe(symbol)); }",
            "a member that matters, writing state", true },
        { "Agent.cs", "\"quiet\"", "\"silent\"", "an edit that changes no name", true },
        { "Agent.cs", "var n = 1;", "var n = 1; var half = sym;", "a half-typed name that binds to nothing", true },
        { "Agent.cs", "\"quiet\" + n", "\"quiet\" + 1", "a mention that made nothing matter, removed", true },
        { "Store.cs", "=> Kept = \"\";", "=> Kept = s.Name;", "an edit in a file other files read from", true },
        { "Agent.cs", "Client.TrackEvent(Format.Describe(symbol));", "Client.TrackEvent(\"report\");", "a mention that mattered, removed", false },
        { "Agent.cs", "var n = 1; Client.TrackEvent(\"quiet\" + n); }\n    void Later(ISymbol symbol) { Quiet(symbol); Store.Clear(symbol); }",
            "var n = symbol.Name; Client.TrackEvent(\"quiet\" + n); }\n    void Later(ISymbol symbol) { Quiet(symbol); }",
            "a caller that comes to matter, after a call it no longer makes", true },
        { "Agent.cs", "=> Client.TrackEvent(Format.Describe(symbol));", "=> Format.Describe(symbol);", "a member handed taint by a member that no longer names it", false },
        { "Format.cs", "{ Last = s.Name; }", "{ var l = Last + s.Name; }", "state a member that matters no longer writes, though it still reads it", false },
        { "Agent.cs", "void Flush()", "void Other() { }\n    void Flush()", "a method added that nothing mentions", true },
        { "Agent.cs", "void Flush()", "void Other(ISymbol symbol) => Client.TrackEvent(symbol.Name);\n    void Flush()", "a method added that sends a source", true },
        { "Agent.cs", "void Flush()", "void Other(ISymbol symbol) => Store.Keep(symbol.Name);\n    void Flush()", "a method added that hands a source on", true },
        { "Agent.cs", "void Flush()", "void Other() { _note = System.Environment.UserName; }\n    void Flush()", "a method added that writes a source into state", true },
        { "Agent.cs", "void Flush()", "void Other() => Other();\n    void Flush()", "a method added that mentions its own name", false },
        { "Format.cs", "public static string Describe(ISymbol s) => s.Name;", "public static void Other() { }\n    public static string Describe(ISymbol s) => s.Name;", "a method added above the others", true },
        { "Tail.cs", "public static void First() { }", "public static void Zero() { }\n    public static void First() { Second(System.Environment.UserName); }",
            "a method added above members, one of which now hands a source to the other", true },
        { "Agent.cs", "void Flush()", "void Describe() { }\n    void Flush()", "a method added of a name another file declares", false },
        { "Agent.cs", "void Flush()", "void TrackTrace() { }\n    void Flush()", "a method added of a name another file mentions", false },
        { "Agent.cs", "void Relay(string text) => Store.Keep(text);", "void Relay(string text) => Other(text);\n    void Other(string text) => Store.Keep(text);",
            "a method added that an edited member calls", false },
        { "Agent.cs", "void Flush() => Client.TrackEvent(_note);", "", "a member removed", false },
        { "Agent.cs", "private string _note = \"\";", "private string _note = \"\";\n    private string _other = \"\";", "state added", false },
        // Which state holds functions is settled on the declarations: a change to them builds afresh.
        { "Store.cs", "public static string Kept", "public static System.String Kept", "the declared type of state changed", false },
        { "Format.cs", "static class Format", "delegate void Notify(string text);\n\nstatic class Format", "a delegate type declared", false },
        // A primary constructor's parameters are state its type's members read: a parameter added is state added.
        { "Reporter.cs", "string name)", "string name, string extra)", "a primary constructor's parameter added", false },
        { "Reporter.cs", "client.TrackEvent(name)", "client.TrackEvent(name, null)", "a member that reads a primary constructor's parameter, edited", true },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void An_index_started_from_the_last_keystroke_answers_as_one_built_from_every_tree(string file, string from, string to, string shows, bool reused)
    {
        var (_, _, after, derived) = Edit((file, from, to));
        var fresh = RelevanceIndex.Build(after, Catalog(after), sinksMatter: false, earlier: null, CancellationToken.None);

        Assert.True(reused == derived.StartedFromEarlier, $"{shows}: started from the earlier graph {derived.StartedFromEarlier}");
        Assert.False(fresh.StartedFromEarlier);
        Assert.Equal(Answers(fresh, after), Answers(derived, after));
    }

    /// <summary>Typing in one file, then in another: both replaced trees are matched by their paths.</summary>
    [Fact]
    public void Edits_in_two_files_are_followed_together()
    {
        var (before, earlier, after, derived) = Edit(("Agent.cs", "var n = 1;", "var n = 1; Relay(\"r\");"), ("Store.cs", "=> Kept = \"\";", "=> Kept = s.Name;"));
        var fresh = RelevanceIndex.Build(after, Catalog(after), sinksMatter: false, earlier: null, CancellationToken.None);

        Assert.True(derived.StartedFromEarlier);
        Assert.Equal(Answers(fresh, after), Answers(derived, after));
        Assert.NotEqual(Answers(earlier, before), Answers(derived, after));
    }

    /// <summary>
    /// The trees that mention a name are found from the graph, not by asking every tree: they must be
    /// exactly those a walk of every tree finds, in the compilation's order, after an edit too.
    /// </summary>
    [Fact]
    public void The_trees_mentioning_a_name_are_those_a_walk_of_every_tree_finds()
    {
        var (before, earlier, after, derived) = Edit(("Agent.cs", "var n = 1;", "var n = Format.Plain(1);"));
        Assert.True(derived.StartedFromEarlier);

        foreach (var (index, compilation) in new[] { (earlier, before), (derived, after) })
        {
            var names = compilation.SyntaxTrees.SelectMany(t => TreeIndex.For(t, CancellationToken.None).Members.SelectMany(m => m.Mentions)).Distinct();
            foreach (var name in names)
            {
                var walked = compilation.SyntaxTrees.Where(t => TreeIndex.For(t, CancellationToken.None).PositionsOf(name).Count > 0).ToList();
                Assert.Equal(walked, index.TreesMentioning(name));
            }
        }

        // Plain is now mentioned in Agent.cs too, the first tree, though the graph found it after Sender.cs's.
        Assert.Equal(new[] { "/src/Agent.cs", "/src/Sender.cs" }, derived.TreesMentioning("Plain").Select(t => t.FilePath));
    }

    /// <summary>The edits that add something change what matters: the comparison above is not between two unchanged graphs.</summary>
    [Fact]
    public void An_added_source_makes_members_in_other_files_matter()
    {
        var (_, earlier, after, derived) = Edit(("Agent.cs", "var n = 1;", "var n = 1; Relay(symbol.Name);"));

        Assert.True(derived.StartedFromEarlier);
        Assert.False(earlier.MayHold("Kept"));
        Assert.True(derived.MayHold("Kept"));
        var sendKept = Declarations(after).Single(d => d.Name == "Sender.cs.SendKept");
        Assert.False(earlier.Matters(sendKept.Tree, sendKept.Node)); // Sender.cs is the same tree in both compilations
        Assert.True(derived.Matters(sendKept.Tree, sendKept.Node));
    }

    /// <summary>
    /// The sources compiled and indexed from every tree, then edited (each text replaced once, in its
    /// file) and indexed again from that first index's graph.
    /// </summary>
    private static (Compilation Before, RelevanceIndex Earlier, Compilation After, RelevanceIndex Derived) Edit(params (string File, string From, string To)[] edits)
    {
        var before = Compile("Reuse" + System.Guid.NewGuid().ToString("N"), Sources());
        var earlier = RelevanceIndex.Build(before, Catalog(before), sinksMatter: false, earlier: null, CancellationToken.None);
        var sources = Sources();
        Compilation after = before;
        foreach (var (file, from, to) in edits)
        {
            Assert.Contains(from, sources[file]);
            sources[file] = sources[file].Replace(from, to);
            after = after.ReplaceSyntaxTree(after.SyntaxTrees.Single(t => t.FilePath.EndsWith(file)),
                CSharpSyntaxTree.ParseText(sources[file], path: "/src/" + file));
        }

        return (before, earlier, after, RelevanceIndex.Build(after, Catalog(after), sinksMatter: false, earlier.Graph, CancellationToken.None));
    }

    private static List<string> Answers(RelevanceIndex index, Compilation compilation)
    {
        var answers = new List<string>();
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var (tree, node, name) in Declarations(compilation))
        {
            answers.Add($"{name}: matters {index.Matters(tree, node)}, stores {index.MayStore(tree, node)}, sends {index.MaySend(tree, node, CancellationToken.None)}");
            names.UnionWith(TreeIndex.For(tree, CancellationToken.None).Members.SelectMany(m => m.Mentions));
        }

        answers.AddRange(names.Select(name => $"{name}: holds {index.MayHold(name)}, mentioned in {string.Join(", ", index.TreesMentioning(name).Select(t => t.FilePath))}"));

        // What carrying answers compares (CarryConditions): whether each member matters and may be handed taint.
        answers.AddRange(index.MemberAnswers().Select(tree => tree is null ? "unknown tree" : string.Join(",", tree)));
        return answers;
    }

    private static IEnumerable<(SyntaxTree Tree, SyntaxNode Node, string Name)> Declarations(Compilation compilation) =>
        from tree in compilation.SyntaxTrees
        from node in tree.GetRoot().DescendantNodes(n => TreeIndex.NameOf(n) is null)
        let name = TreeIndex.NameOf(node)
        where name is not null
        select (tree, node, System.IO.Path.GetFileName(tree.FilePath) + "." + name);

    private static Dictionary<string, string> Sources()
    {
        var sources = new Dictionary<string, string>
        {
            ["Agent.cs"] = Agent,
            ["Format.cs"] = Format,
            ["Store.cs"] = Store,
            ["Sender.cs"] = Sender,
            ["Tail.cs"] = Tail,
            ["Reporter.cs"] = Reporter,
        };
        for (var i = 0; i < 4; i++)
        {
            sources[$"Filler{i}.cs"] = $"class Filler{i} {{ private int _n; public int Next() => ++_n + {i}; }}";
        }

        return sources;
    }

    private static CSharpCompilation Compile(string project, Dictionary<string, string> sources) =>
        CSharpCompilation.Create(project, sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, path: "/src/" + s.Key)), TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static ModelCatalog Catalog(Compilation compilation) => ModelCatalog.Create(compilation, ModelTable.BuiltIn, null);
}
