using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// "Sends nothing" and "sends" (<see cref="SendingReach"/>) carried from one compilation of a project to the
/// next: taken over after an edit that cannot change them, searched again after one that can.
/// </summary>
[Collection(ProjectCacheCollection.Name)]
public class SendingCarryTests
{
    // Describe names Log, and Telemetry.Log sends, so the names say it may; bound, its Log is Helper's,
    // which sends nothing (until an edit makes it send what it is given).
    private const string Agent = """
        using Microsoft.CodeAnalysis;

        class Agent
        {
            void Describe(ISymbol symbol)
            {
                Helper.Log(symbol.Name);
            }

            int Idle()
            {
                return 1;
            }
        }
        """;

    private const string Helper = """
        using Microsoft.ApplicationInsights;

        static class Helper
        {
            private static readonly TelemetryClient Client = new();
            private static int Count;

            public static void Log(string text)
            {
                Count = text.Length;
            }
        }

        class Telemetry
        {
            private static readonly TelemetryClient Client = new();

            public void Log(string text) => Client.TrackEvent(text);
        }
        """;

    [Fact]
    public void An_edit_that_cannot_change_it_takes_it_over()
    {
        var (before, after) = Edit(nameof(An_edit_that_cannot_change_it_takes_it_over), "/src/Agent.cs", "return 1;", "return 2;");

        Assert.False(MaySend(before));
        Assert.False(MaySend(after));
        Assert.Equal(1, after.Sending.TakenOver);
    }

    [Fact]
    public void An_edit_that_makes_a_callee_send_is_seen()
    {
        var (before, after) = Edit(nameof(An_edit_that_makes_a_callee_send_is_seen), "/src/Helper.cs", "Count = text.Length;",
            "Count = text.Length; Client.TrackEvent(text);");

        Assert.False(MaySend(before));
        Assert.True(MaySend(after));
        Assert.Equal(0, after.Sending.TakenOver);
    }

    /// <summary>Describe calls the callback in OnLog; an edit elsewhere registers one that sends, in a member that did not write OnLog before.</summary>
    [Fact]
    public void A_new_writer_of_state_it_follows_is_seen()
    {
        const string agent = """
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Describe(ISymbol symbol)
                {
                    Helper.OnLog(symbol.Name);
                }
            }
            """;
        const string helper = """
            using System;
            using Microsoft.ApplicationInsights;

            static class Helper
            {
                private static readonly TelemetryClient Client = new();
                public static Action<string> OnLog = _ => { };

                public static void Install()
                {
                    OnLog = text => { };
                }

                public static void Other()
                {
                    Client.TrackEvent("started");
                }
            }
            """;

        var (before, after) = Edit(nameof(A_new_writer_of_state_it_follows_is_seen), "/src/Helper.cs", "Client.TrackEvent(\"started\");",
            "Client.TrackEvent(\"started\"); OnLog = text => Client.TrackEvent(text);", agent, helper);

        Assert.False(MaySend(before));
        Assert.True(MaySend(after));
    }

    // Helper.Log sends what it is given: Describe sends, through it.
    private static readonly string SendingHelper = Helper.Replace("Count = text.Length;", "Count = text.Length; Client.TrackEvent(text);");

    [Fact]
    public void A_sender_found_before_is_taken_over_after_an_edit_that_cannot_change_it()
    {
        var (before, after) = Edit(nameof(A_sender_found_before_is_taken_over_after_an_edit_that_cannot_change_it), "/src/Agent.cs", "return 1;", "return 2;",
            helper: SendingHelper);

        Assert.True(MaySend(before));
        Assert.True(MaySend(after));
        Assert.Equal(1, after.Sending.SendsTakenOver);
    }

    /// <summary>Describe's "sends" was found through Helper.Log's scan: an edit that stops Log sending makes it searched again.</summary>
    [Fact]
    public void An_edit_that_stops_a_callee_on_the_path_sending_is_seen()
    {
        var (before, after) = Edit(nameof(An_edit_that_stops_a_callee_on_the_path_sending_is_seen), "/src/Helper.cs", "Count = text.Length; Client.TrackEvent(text);",
            "Count = text.Length;", helper: SendingHelper);

        Assert.True(MaySend(before));
        Assert.False(MaySend(after));
        Assert.Equal(0, after.Sending.SendsTakenOver);
    }

    private static bool MaySend(FlowContext flow) =>
        flow.Sending.MaySend(flow.Compilation.GetTypeByMetadataName("Agent")!.GetMembers("Describe").OfType<IMethodSymbol>().Single(), CancellationToken.None);

    private static (FlowContext Before, FlowContext After) Edit(string project, string path, string text, string replacement, string agent = Agent,
        string helper = Helper) =>
        EditedProject.Edit("SendingCarry" + project, new[] { ("/src/Agent.cs", agent), ("/src/Helper.cs", helper) }, path, text, replacement,
            flow => MaySend(flow));
}
