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
/// every such mention of the project bound again (0.1 to 0.5 s in projects that call no sink).
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
