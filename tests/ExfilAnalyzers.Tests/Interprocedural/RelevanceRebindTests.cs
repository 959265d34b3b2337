using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// An edit can change what the relevance index answers about members it did not touch: state that may now
/// hold a name makes its readers matter. Answers about those members cannot be carried as they were, so each such
/// member counts as edited and its name as rebound, and so does every member that mentions it, in rounds
/// (<see cref="CarryConditions"/>). Each test compares the conditions of the compilations before and after
/// an edit of Helpers.cs, with Middle.cs and Agent.cs unchanged.
/// </summary>
[Collection(ProjectCacheCollection.Name)]
public class RelevanceRebindTests
{
    private const string Helpers = """
        using Microsoft.ApplicationInsights;

        static class Helpers
        {
            public static readonly TelemetryClient Client = new();

            public static string Cache = "";

            public static void Relay(string text)
            {
            }
        }
        """;

    // Forward calls Relay; Outer calls Forward; Size reads Cache; Measure calls Size; Handle reads Client; Alone mentions none of them.
    private const string Middle = """
        static class Middle
        {
            public static void Forward(string text) => Helpers.Relay(text);

            public static void Outer(string text) => Forward(text);

            public static int Size() => Helpers.Cache.Length;

            public static int Measure() => Size();

            public static object Handle() => Helpers.Client;

            public static int Alone(string text) => text.Length;
        }
        """;

    private const string Agent = """
        using Microsoft.CodeAnalysis;

        class Agent
        {
            void Report(ISymbol symbol) => Middle.Outer(symbol.Name);
        }
        """;

    /// <summary>Cache made to hold a symbol's name: Size, which reads it, is edited; Alone is not.</summary>
    [Fact]
    public void State_that_may_now_hold_a_name_edits_its_readers()
    {
        var edited = Changes(nameof(State_that_may_now_hold_a_name_edits_its_readers));

        Assert.True(edited.Rebound("Cache"));
        Assert.True(edited.Edited(Key("Size")));
        Assert.False(edited.Edited(Key("Alone")));
    }

    /// <summary>
    /// Size, unchanged, now matters (it reads what may hold a name): its name is rebound, and Measure, which
    /// calls it and mentions nothing else that changed, is edited in the next round.
    /// </summary>
    [Fact]
    public void A_member_that_now_matters_edits_the_members_that_mention_it()
    {
        var edited = Changes(nameof(A_member_that_now_matters_edits_the_members_that_mention_it));

        Assert.True(edited.Rebound("Size"));
        Assert.True(edited.Edited(Key("Measure")));
        Assert.False(edited.Rebound("Alone"));
    }

    /// <summary>
    /// Relay made to send what it is given: Client, unchanged, may now be handed a name (the index's answer
    /// about it changes, though not which names matter), so Handle, which reads it, is edited. The same with
    /// a method added in the same edit, where the file's members are matched by name.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("\n\n    public static void Spare() { }")]
    public void A_member_that_may_now_be_handed_data_edits_the_members_that_mention_it(string added)
    {
        var edited = Changes(nameof(A_member_that_may_now_be_handed_data_edits_the_members_that_mention_it) + added.Length, "public static void Relay(string text)\n    {\n    }",
            "public static void Relay(string text)\n    {\n        Client.TrackEvent(text);\n    }" + added);

        Assert.Equal(added.Length > 0, edited.Rebound("Spare"));
        Assert.True(edited.Rebound("Client"));
        Assert.True(edited.Edited(Key("Handle")));
        Assert.False(edited.Edited(Key("Alone")));
    }

    private static BodyKey Key(string member) => new("/src/Middle.cs", member, 0);

    /// <summary>
    /// The code changed between the compilation before and after Fill is added to Helpers, as the carry sees it:
    /// Fill stores a symbol's name in Cache.
    /// </summary>
    private static EditedCode Changes(string project) =>
        Changes(project, "public static void Relay(string text)\n    {\n    }",
            "public static void Relay(string text)\n    {\n    }\n\n    public static void Fill(Microsoft.CodeAnalysis.ISymbol symbol)\n    {\n        Cache = symbol.Name;\n    }");

    /// <summary>The code changed between the compilation before and after the edit of Helpers.cs, as the carry sees it.</summary>
    private static EditedCode Changes(string project, string text, string replacement)
    {
        var (before, after) = EditedProject.Edit("RelevanceRebind" + project, new[] { ("/src/Helpers.cs", Helpers), ("/src/Middle.cs", Middle), ("/src/Agent.cs", Agent) },
            "/src/Helpers.cs", text, replacement, _ => { });
        var edited = CarryConditions.Of(before, CancellationToken.None).ChangesTo(CarryConditions.Of(after, CancellationToken.None), after.Compilation, CancellationToken.None);
        Assert.NotNull(edited);
        return edited!;
    }
}
