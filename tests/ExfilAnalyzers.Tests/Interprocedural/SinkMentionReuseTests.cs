using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// "This mention of a sink's name does not bind to a sink" is learnt by binding it, and kept per tree.
/// Across an edit of declarations it still holds for a member that mentions none of the names the edit
/// redeclared; a member that mentions one is bound again. Without this, a method added anywhere made
/// every such mention of the project bound again (0.1 to 0.5 s in projects that call no sink), and so
/// did an overload added, for which the relevance index is built afresh.
/// </summary>
public class SinkMentionReuseTests
{
    private const string Helpers = """
        static class Helpers
        {
            public static void Idle() { }
        }
        """;

    // Add is a sink's name (a collection's Add is not one).
    private const string Agent = """
        using System.Collections.Generic;

        class Agent
        {
            void Run(List<string> items) => items.Add("x");
        }
        """;

    [Fact]
    public void What_a_member_that_mentions_no_redeclared_name_binds_to_holds_after_a_method_is_added()
    {
        var (before, after, run, catalog) = Added();
        var earlier = DeclarationFingerprint.Of(before, catalog, CancellationToken.None);

        Assert.False(Confirm(after, run, catalog, (earlier, new HashSet<string> { "Spare" })));
    }

    [Fact]
    public void A_member_that_mentions_a_redeclared_name_is_bound_again()
    {
        var (before, after, run, catalog) = Added();
        var earlier = DeclarationFingerprint.Of(before, catalog, CancellationToken.None);

        Assert.Null(Confirm(after, run, catalog, (earlier, new HashSet<string> { "List" })));
        Assert.Null(Confirm(after, run, catalog, earlier: null));
    }

    // Log mentions the name the overload redeclares; Run does not.
    private const string Logger = """
        using System.Collections.Generic;

        class Logger
        {
            void Log(List<string> items) { Helpers.Idle(); items.Add("y"); }
        }
        """;

    private const string Other = "class Other { void Tick() { } }";

    [Fact]
    public void An_overload_added_builds_the_index_afresh_and_keeps_what_members_that_do_not_mention_it_bound_to()
    {
        var compilation = EditedProject.Compile("SinkMentionOverload" + System.Guid.NewGuid().ToString("N"),
            new[] { ("/src/Helpers.cs", Helpers), ("/src/Agent.cs", Agent), ("/src/Logger.cs", Logger), ("/src/Other.cs", Other), ("/src/More.cs", "class More { }") });
        var catalog = ModelCatalog.Create(compilation, ModelTable.BuiltIn, null);
        var index = RelevanceIndex.Build(compilation, catalog, sinksMatter: false, earlier: null, CancellationToken.None);
        var run = Member(compilation, "/src/Agent.cs", "Run");
        var log = Member(compilation, "/src/Logger.cs", "Log");
        Assert.False(Bind(compilation, "/src/Agent.cs", run, catalog));
        Assert.False(Bind(compilation, "/src/Logger.cs", log, catalog));

        // Idle is declared and mentioned: the graph cannot be reused across a second one, so the index is built afresh.
        var overloaded = EditedProject.EditAgain(compilation, "/src/Helpers.cs", "public static void Idle() { }",
            "public static void Idle() { }\n\n    public static void Idle(int times) { }").Compilation;
        var afresh = RelevanceIndex.Build(overloaded, catalog, sinksMatter: false, index.Graph, CancellationToken.None);
        Assert.False(afresh.StartedFromEarlier);
        Assert.Equal(new[] { "Idle" }, afresh.EarlierDeclarations!.Value.Redeclared);
        Assert.False(Known(overloaded, "/src/Agent.cs", run, catalog, afresh.EarlierDeclarations));
        Assert.Null(Known(overloaded, "/src/Logger.cs", log, catalog, afresh.EarlierDeclarations));

        // The next keystroke starts from the graph built afresh: Run's answer was confirmed under its declarations.
        var typed = EditedProject.EditAgain(overloaded, "/src/Other.cs", "void Tick() { }", "void Tick() { }\n    void Tock() { }").Compilation;
        var derived = RelevanceIndex.Build(typed, catalog, sinksMatter: false, afresh.Graph, CancellationToken.None);
        Assert.True(derived.StartedFromEarlier);
        Assert.False(Known(typed, "/src/Agent.cs", run, catalog, derived.EarlierDeclarations));
    }

    [Fact]
    public void Nothing_is_kept_across_an_edit_that_changes_more_than_members()
    {
        var compilation = EditedProject.Compile("SinkMentionSkeleton" + System.Guid.NewGuid().ToString("N"),
            new[] { ("/src/Helpers.cs", Helpers), ("/src/Agent.cs", Agent), ("/src/Other.cs", Other), ("/src/More.cs", "class More { }") });
        var catalog = ModelCatalog.Create(compilation, ModelTable.BuiltIn, null);
        var index = RelevanceIndex.Build(compilation, catalog, sinksMatter: false, earlier: null, CancellationToken.None);

        // A new type could be what a name binds to now; the overload makes the index be built afresh.
        var overloaded = EditedProject.EditAgain(compilation, "/src/Helpers.cs", "public static void Idle() { }",
            "public static void Idle() { }\n\n    public static void Idle(int times) { }").Compilation;
        var typed = EditedProject.EditAgain(overloaded, "/src/Helpers.cs", "static class Helpers", "class List<T> { }\n\nstatic class Helpers").Compilation;
        var afresh = RelevanceIndex.Build(typed, catalog, sinksMatter: false, index.Graph, CancellationToken.None);
        Assert.False(afresh.StartedFromEarlier);
        Assert.Null(afresh.EarlierDeclarations);
    }

    private static DeclaredMember Member(Compilation compilation, string path, string name) =>
        TreeIndex.For(compilation.SyntaxTrees.Single(t => t.FilePath == path), CancellationToken.None).Members.Single(m => m.Name == name);

    /// <summary>Whether the member calls a sink by Add, bound in the compilation.</summary>
    private static bool Bind(Compilation compilation, string path, DeclaredMember member, ModelCatalog catalog)
    {
        var answer = SinkMentions.Confirm(compilation, DeclarationFingerprint.Of(compilation, catalog, CancellationToken.None),
            compilation.SyntaxTrees.Single(t => t.FilePath == path), member, "Add", catalog, Handle.None, mayBind: true, out var bound, CancellationToken.None);
        Assert.True(bound);
        return answer!.Value;
    }

    /// <summary>What is known without binding: null when the member must be bound.</summary>
    private static bool? Known(Compilation compilation, string path, DeclaredMember member, ModelCatalog catalog, (long, HashSet<string>)? earlier)
    {
        var answer = SinkMentions.Confirm(compilation, DeclarationFingerprint.Of(compilation, catalog, CancellationToken.None),
            compilation.SyntaxTrees.Single(t => t.FilePath == path), member, "Add", catalog, Handle.None, mayBind: false, out var bound, CancellationToken.None, earlier);
        Assert.False(bound);
        return answer;
    }

    /// <summary>The project analysed ("Run does not call a sink by Add" learnt), then a method added to Helpers.cs.</summary>
    private static (Compilation Before, Compilation After, DeclaredMember Run, ModelCatalog Catalog) Added()
    {
        var before = EditedProject.Compile("SinkMentionReuse" + System.Guid.NewGuid().ToString("N"), new[] { ("/src/Helpers.cs", Helpers), ("/src/Agent.cs", Agent) });
        var catalog = ModelCatalog.Create(before, ModelTable.BuiltIn, null);
        var agent = before.SyntaxTrees.Single(t => t.FilePath == "/src/Agent.cs");
        var run = TreeIndex.For(agent, CancellationToken.None).Members.Single(m => m.Name == "Run");
        Assert.True(catalog.IsSendingName("Add"));
        Assert.False(SinkMentions.Confirm(before, DeclarationFingerprint.Of(before, catalog, CancellationToken.None), agent, run, "Add", catalog, Handle.None,
            mayBind: true, out var bound, CancellationToken.None));
        Assert.True(bound);

        var after = EditedProject.EditAgain(before, "/src/Helpers.cs", "public static void Idle() { }", "public static void Idle() { }\n\n    public static void Spare() { }")
            .Compilation;
        return (before, after, run, catalog);
    }

    /// <summary>What is known in the compilation after the edit without binding: null when it must be bound.</summary>
    private static bool? Confirm(Compilation after, DeclaredMember run, ModelCatalog catalog, (long, HashSet<string>)? earlier)
    {
        var agent = after.SyntaxTrees.Single(t => t.FilePath == "/src/Agent.cs");
        var answer = SinkMentions.Confirm(after, DeclarationFingerprint.Of(after, catalog, CancellationToken.None), agent, run, "Add", catalog, Handle.None,
            mayBind: false, out var bound, CancellationToken.None, earlier);
        Assert.False(bound);
        return answer;
    }
}
