using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// A call cycle is solved once, whoever enters it first, to the same fixpoint (docs/design.md, "Cycles").
/// These tests ask the summary store directly, so that the member a cycle is entered from is chosen.
/// </summary>
public class CycleTests
{
    private const int Members = 12;

    /// <summary>A ring: the first member sends its text, each passes it to the next, the last back to the first.</summary>
    private static string Ring()
    {
        var ring = new System.Text.StringBuilder();
        for (var i = 0; i < Members; i++)
        {
            var send = i == 0 ? "Client.TrackEvent(text); " : "";
            ring.AppendLine($"    public static void Ring{i}(string text, int n) {{ {send}if (n > 0) Ring{(i + 1) % Members}(text, n - 1); }}");
        }

        return $$"""
            static class Relay
            {
                private static readonly Microsoft.ApplicationInsights.TelemetryClient Client = new();

            {{ring}}
            }
            """;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Members / 2)]
    [InlineData(Members - 1)]
    public void Every_member_of_a_ring_sends_its_parameter_whichever_member_it_is_entered_from(int entry)
    {
        // Entered from Ring0, the send is found only by the rounds: every other member first saw Ring0 on
        // the stack, with nothing yet. It travels against the calls, from the last member to the first;
        // rounds that went callers first carried it one member per round, and the bound on rounds left
        // the members near the entry without it.
        var engine = EngineOnFile.Of("Ring", Ring(), "/src/Relay.cs");
        Assert.Empty(engine.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var summaries = engine.Flow.Summaries;
        var first = engine.Method("Relay", $"Ring{entry}");
        summaries.ForCall(first, null, CallChain.Start(first), CancellationToken.None);

        for (var i = 0; i < Members; i++)
        {
            var member = engine.Method("Relay", $"Ring{i}");
            var summary = summaries.ForCall(member, null, CallChain.Start(member), CancellationToken.None);
            Assert.True(summary is { SinkEffects.IsEmpty: false }, $"Ring{i} (entered from Ring{entry}) sends its text");
        }
    }
}
