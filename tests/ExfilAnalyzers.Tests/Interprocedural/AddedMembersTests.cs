using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// An edit that only adds members of a name (an overload beside the old ones): a member that mentions the
/// name is edited only when its mention may bind to an added member (<see cref="AddedMembers"/>). Each test
/// compares the compilations before and after an edit of Hub.cs, with Callers.cs unchanged.
/// </summary>
[Collection(ProjectCacheCollection.Name)]
public class AddedMembersTests
{
    private const string Hub = """
        using Microsoft.CodeAnalysis;

        static class Hub
        {
            public static string Tag(object value) => "tag";
        }

        static class Marks
        {
            public static string Mark(this ISymbol symbol) => "mark";
        }
        """;

    // ByText and ByNumber call Tag(object); Named takes its name; Marked and MarkedMethod call Mark(ISymbol).
    private const string Callers = """
        using Microsoft.CodeAnalysis;

        static class Callers
        {
            public static string ByText(string text) => Hub.Tag(text);

            public static string ByNumber(int count) => Hub.Tag(count);

            public static string Named() => nameof(Hub.Tag);

            public static string Marked(ISymbol symbol) => symbol.Mark();

            public static string MarkedMethod(IMethodSymbol method) => method.Mark();

            public static int Alone(string text) => text.Length;
        }
        """;

    private const string TagDeclared = "    public static string Tag(object value) => \"tag\";";

    /// <summary>
    /// Tag(string) added: ByText's call binds to it now and is edited; ByNumber's still binds to Tag(object) and is
    /// not; nameof(Hub.Tag) names both and is edited. The name is still searched again.
    /// </summary>
    [Fact]
    public void An_added_overload_edits_only_the_mentions_that_may_bind_to_it()
    {
        var edited = Changes(nameof(An_added_overload_edits_only_the_mentions_that_may_bind_to_it), TagDeclared,
            "    public static string Tag(string text) => text;\n\n" + TagDeclared);

        Assert.True(edited.Edited(Key("ByText")), "ByText binds to the added Tag(string)");
        Assert.False(edited.Edited(Key("ByNumber")), "ByNumber binds to Tag(object), as before");
        Assert.True(edited.Edited(Key("Named")), "nameof binds to no single member");
        Assert.False(edited.Edited(Key("Alone")));
        Assert.True(edited.Rebound("Tag"));
    }

    /// <summary>
    /// Tag(string) removed: ByText's call bound to it and binds to Tag(object) now, which was there before. No member
    /// was added, but one was removed, so every member that mentions Tag is edited.
    /// </summary>
    [Fact]
    public void A_member_removed_edits_every_mention()
    {
        var overloaded = "    public static string Tag(string text) => text;\n\n" + TagDeclared;
        var (before, after) = EditedProject.Edit("AddedMembersRemoved", new[] { ("/src/Hub.cs", Hub.Replace(TagDeclared, overloaded)), ("/src/Callers.cs", Callers) },
            "/src/Hub.cs", overloaded, TagDeclared, _ => { });
        var edited = CarryConditions.Of(before, CancellationToken.None).ChangesTo(CarryConditions.Of(after, CancellationToken.None), after.Compilation,
            CancellationToken.None);

        Assert.NotNull(edited);
        Assert.True(edited!.Edited(Key("ByText")), "ByText bound to the removed Tag(string)");
        Assert.True(edited.Edited(Key("ByNumber")));
        Assert.False(edited.Edited(Key("Alone")));
    }

    /// <summary>
    /// Tag mentioned more often than mentions are bound (<see cref="AddedMembers.MaxMentionsBound"/>): Tag(string)
    /// added edits every member that mentions Tag, ByNumber too, as if nothing were known of what was added.
    /// </summary>
    [Fact]
    public void A_name_mentioned_more_often_than_is_bound_edits_every_mention()
    {
        var many = "static class Many\n{\n    public static void Calls()\n    {\n"
            + string.Concat(Enumerable.Repeat("        Hub.Tag(0);\n", AddedMembers.MaxMentionsBound)) + "    }\n}\n";
        var edited = Changes(nameof(A_name_mentioned_more_often_than_is_bound_edits_every_mention), TagDeclared,
            "    public static string Tag(string text) => text;\n\n" + TagDeclared, ("/src/Many.cs", many));

        Assert.True(edited.Edited(Key("ByNumber")), "too many mentions of Tag to bind");
        Assert.False(edited.Edited(Key("Alone")));
    }

    /// <summary>
    /// Tag(object) given a parameter more while Tag(string) is added: a member of the name was rewritten, so its old
    /// callers may bind elsewhere; every member that mentions Tag is edited.
    /// </summary>
    [Fact]
    public void An_edit_that_also_rewrites_a_member_of_the_name_edits_every_mention()
    {
        var edited = Changes(nameof(An_edit_that_also_rewrites_a_member_of_the_name_edits_every_mention), TagDeclared,
            "    public static string Tag(string text) => text;\n\n    public static string Tag(object value, int width = 0) => \"tag\";");

        Assert.True(edited.Edited(Key("ByNumber")), "ByNumber binds to the rewritten Tag(object, int)");
        Assert.True(edited.Edited(Key("ByText")));
        Assert.False(edited.Edited(Key("Alone")));
    }

    /// <summary>
    /// Mark(IMethodSymbol) added as an extension: MarkedMethod's call binds to it now (the reduced form of the
    /// declared method), and is edited; Marked's, on an ISymbol, still binds to Mark(ISymbol).
    /// </summary>
    [Fact]
    public void An_added_extension_overload_edits_the_calls_that_bind_to_it()
    {
        var declared = "    public static string Mark(this ISymbol symbol) => \"mark\";";
        var edited = Changes(nameof(An_added_extension_overload_edits_the_calls_that_bind_to_it), declared,
            "    public static string Mark(this IMethodSymbol method) => \"method\";\n\n" + declared);

        Assert.True(edited.Edited(Key("MarkedMethod")), "MarkedMethod binds to the added Mark(IMethodSymbol)");
        Assert.False(edited.Edited(Key("Marked")), "Marked binds to Mark(ISymbol), as before");
    }

    /// <summary>
    /// Tag(object), written the same, keeps its key when Tag(string) is added after it (the first Tag of Hub.cs): its
    /// code is the same, so it is not edited. Added before it, Tag(object) becomes the second Tag, and the first key
    /// names the new member: both keys are edited.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_member_of_the_name_written_the_same_is_edited_only_when_its_key_moved(bool addedAfter)
    {
        var added = "    public static string Tag(string text) => text;";
        var edited = Changes(nameof(A_member_of_the_name_written_the_same_is_edited_only_when_its_key_moved) + addedAfter, TagDeclared,
            addedAfter ? TagDeclared + "\n\n" + added : added + "\n\n" + TagDeclared);

        Assert.Equal(!addedAfter, edited.Edited(new BodyKey("/src/Hub.cs", "Tag", 0)));
        Assert.Equal(!addedAfter, edited.MayHaveMoved(new BodyKey("/src/Hub.cs", "Tag", 0)));
        Assert.True(edited.Edited(new BodyKey("/src/Hub.cs", "Tag", 1)), "the second Tag is new");
        Assert.False(edited.Edited(new BodyKey("/src/Hub.cs", "Mark", 0)));
    }

    /// <summary>
    /// Extra added to Helpers and made to hold a symbol's name: a pure addition, but which state may hold data is
    /// told by name (<see cref="CarryConditions"/>), so the name is rebound for that too, and Size, which reads
    /// Other.Extra and binds to none of the added members, is edited.
    /// </summary>
    [Fact]
    public void A_name_added_that_state_may_now_hold_data_by_edits_every_mention()
    {
        var helpers = """
            using Microsoft.CodeAnalysis;

            static class Helpers
            {
                public static void Fill(ISymbol symbol)
                {
                }
            }
            """;
        var other = "static class Other\n{\n    public static string Extra = \"\";\n\n    public static int Size() => Extra.Length;\n}\n";
        var (before, after) = EditedProject.Edit("AddedMembersRebound", new[] { ("/src/Helpers.cs", helpers), ("/src/Other.cs", other) }, "/src/Helpers.cs",
            "    public static void Fill(ISymbol symbol)\n    {\n    }",
            "    public static string Extra = \"\";\n\n    public static void Fill(ISymbol symbol)\n    {\n        Extra = symbol.Name;\n    }", _ => { });
        var edited = CarryConditions.Of(before, CancellationToken.None).ChangesTo(CarryConditions.Of(after, CancellationToken.None), after.Compilation,
            CancellationToken.None);

        Assert.NotNull(edited);
        Assert.True(edited!.Redeclared("Extra"));
        Assert.True(edited.Edited(new BodyKey("/src/Other.cs", "Size", 0)), "Size reads an Extra, which may hold a name now");
    }

    /// <summary>
    /// Later.Client added while Relay is made to send what it is given (Report hands it a name through Forward):
    /// Helpers.Client is written the same under the same key, but the relevance index now answers otherwise about it
    /// (it may be handed a name), so it is edited and its name rebound, and Handle, which reads it and binds to no
    /// added member, is edited too.
    /// </summary>
    [Fact]
    public void A_member_written_the_same_beside_an_added_one_is_still_compared_by_the_relevance_index()
    {
        var helpers = """
            using Microsoft.ApplicationInsights;

            static class Helpers
            {
                public static readonly TelemetryClient Client = new();

                public static void Relay(string text)
                {
                }
            }

            static class Later
            {
                public static int Count => 0;
            }
            """;
        var middle = """
            static class Middle
            {
                public static void Forward(string text) => Helpers.Relay(text);

                public static object Handle() => Helpers.Client;

                public static int Alone(string text) => text.Length;
            }
            """;
        var agent = "class Agent\n{\n    void Report(Microsoft.CodeAnalysis.ISymbol symbol) => Middle.Forward(symbol.Name);\n}\n";
        var (before, after) = EditedProject.Edit("AddedMembersInPlace", new[] { ("/src/Helpers.cs", helpers), ("/src/Middle.cs", middle), ("/src/Agent.cs", agent) },
            "/src/Helpers.cs",
            "    {\n    }\n}\n\nstatic class Later\n{\n",
            "    {\n        Client.TrackEvent(text);\n    }\n}\n\nstatic class Later\n{\n    public static object Client => null;\n\n", _ => { });
        var edited = CarryConditions.Of(before, CancellationToken.None).ChangesTo(CarryConditions.Of(after, CancellationToken.None), after.Compilation,
            CancellationToken.None);

        Assert.NotNull(edited);
        Assert.True(edited!.Edited(new BodyKey("/src/Helpers.cs", "Client", 0)), "Helpers.Client is answered otherwise");
        Assert.True(edited.Edited(new BodyKey("/src/Middle.cs", "Handle", 0)), "Handle reads Helpers.Client, which may be handed a name now");
        Assert.False(edited.Edited(new BodyKey("/src/Middle.cs", "Alone", 0)));
    }

    /// <summary>A name rebound for another reason too (the relevance index answers differently about it): every mention counts.</summary>
    [Fact]
    public void A_name_rebound_for_another_reason_has_no_added_members_to_tell_mentions_apart()
    {
        var tree = CSharpSyntaxTree.ParseText("static class Hub { public static string Tag(string text) => text; public static string Tag(object value) => \"tag\"; }");
        var compilation = CSharpCompilation.Create("Added", new[] { tree });
        var added = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();

        var members = new AddedMembers();
        members.Note("Tag", new List<SyntaxNode> { added });
        Assert.Single(members.SymbolsOf("Tag", compilation, compilation.SyntaxTrees, CancellationToken.None)!);

        members.Rebound("Tag");
        Assert.Null(members.SymbolsOf("Tag", compilation, compilation.SyntaxTrees, CancellationToken.None));
    }

    private static BodyKey Key(string member) => new("/src/Callers.cs", member, 0);

    /// <summary>The code changed between the compilation before and after the edit of Hub.cs, as the carry sees it.</summary>
    private static EditedCode Changes(string project, string text, string replacement, params (string Path, string Text)[] more)
    {
        var (before, after) = EditedProject.Edit("AddedMembers" + project, new[] { ("/src/Hub.cs", Hub), ("/src/Callers.cs", Callers) }.Concat(more),
            "/src/Hub.cs", text, replacement, _ => { });
        var edited = CarryConditions.Of(before, CancellationToken.None).ChangesTo(CarryConditions.Of(after, CancellationToken.None), after.Compilation,
            CancellationToken.None);
        Assert.NotNull(edited);
        return edited!;
    }
}
