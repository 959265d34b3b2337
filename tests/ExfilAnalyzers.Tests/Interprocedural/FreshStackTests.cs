using System;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// A call at the depth bound is summarised on a fresh thread's stack while the caller waits
/// (docs/design.md, "fresh stack"): what happens there must reach the caller as if it had happened on its own stack.
/// </summary>
public class FreshStackTests
{
    private const string Source = """
        static class Relay
        {
            private static readonly Microsoft.ApplicationInsights.TelemetryClient Client = new();

            public static void Send(string text) => Client.TrackEvent(text);

            public static string Ignore(string text) => "none";
        }
        """;

    [Fact]
    public void A_summary_made_on_a_fresh_stack_answers_the_call_at_the_bound()
    {
        var (engine, send, deep) = AtTheBound();

        var summary = engine.Flow.Summaries.ForCall(send, null, deep, CancellationToken.None);

        Assert.True(summary is { SinkEffects.IsEmpty: false }, "Send's summary: it sends its parameter");
        Assert.False(deep.Incomplete, "the call was answered, not cut");
    }

    [Fact]
    public void A_body_with_nothing_to_analyse_is_answered_at_the_bound_without_a_cut()
    {
        var (engine, _, deep) = AtTheBound();
        var ignore = engine.Method("Relay", "Ignore");
        Assert.Null(engine.Flow.Summaries.Prepared(ignore, CancellationToken.None).Graph);

        Assert.True(engine.Flow.Summaries.ForCall(ignore, null, deep, CancellationToken.None) is { DoesNothing: true }, "Ignore does nothing with its text");
        Assert.False(deep.Incomplete, "a body with nothing to analyse is the whole answer at any depth: nothing above is cut");
    }

    [Fact]
    public void Cancellation_on_the_fresh_stack_reaches_the_caller()
    {
        var (engine, send, deep) = AtTheBound();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => engine.Flow.Summaries.ForCall(send, null, deep, cancelled.Token));
    }

    /// <summary>The engine on <see cref="Source"/>, Send's body already bound, and a chain of frames as deep as the bound.</summary>
    private static (EngineOnFile Engine, IMethodSymbol Send, CallChain Deep) AtTheBound()
    {
        var engine = EngineOnFile.Of("FreshStack", Source, "/src/Relay.cs");
        Assert.Empty(engine.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var send = engine.Method("Relay", "Send");
        Assert.NotNull(engine.Flow.Summaries.Prepared(send, CancellationToken.None).Graph);

        var deep = CallChain.Start(send);
        while (deep.Depth < CallChain.MaxDepth)
        {
            deep = deep.Enter(send);
        }

        return (engine, send, deep);
    }
}
