using System;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// Once a method has been analysed for its own diagnostics, the engine holds its graph and what the
/// compiler bound for it only weakly, the bulk of what it would otherwise keep for the whole
/// compilation (docs/design.md, "Memory"). A caller that asks for the method's summary afterwards
/// takes the graph back, or binds the body again if the collector took it: letting go must never
/// change an answer.
/// </summary>
public class BodyReleaseTests
{
    private const string Service = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        sealed class Service
        {
            private readonly TelemetryClient _telemetry;

            public Service(TelemetryClient telemetry) => _telemetry = telemetry;

            public string Describe(ISymbol symbol) => "symbol " + symbol.Name;

            public string Count(ISymbol symbol) => "length " + symbol.Name.Length;

            public void Report(ISymbol symbol) => _telemetry.TrackEvent(Describe(symbol));

            public void ReportCount(ISymbol symbol) => _telemetry.TrackEvent(Count(symbol));
        }
        """;

    [Fact]
    public void A_root_is_let_go_once_analysed_and_a_callee_only_when_it_is_a_root_too()
    {
        var engine = Engine("ReleaseRoot");
        var summaries = engine.Flow.Summaries;

        summaries.ForRoot(engine.Method("Service", "Report"), CancellationToken.None);

        Assert.False(summaries.HoldsGraphOf(engine.Method("Service", "Report")), "the root was analysed: its graph is let go");
        Assert.True(summaries.HoldsGraphOf(engine.Method("Service", "Describe")), "the callee has not been a root yet: its graph is kept");

        summaries.ForRoot(engine.Method("Service", "Describe"), CancellationToken.None);

        Assert.False(summaries.HoldsGraphOf(engine.Method("Service", "Describe")));
    }

    [Fact]
    public void A_callee_bound_again_after_its_own_analysis_is_let_go_once_its_summary_is_cached_at_every_level()
    {
        var engine = Engine("ReleaseLate");
        var summaries = engine.Flow.Summaries;
        summaries.ForRoot(engine.Method("Service", "Describe"), CancellationToken.None);

        summaries.ForRoot(engine.Method("Service", "Report"), CancellationToken.None);

        // Report asked for Describe's summary, which bound Describe again; the summary read no state, so it
        // is cached for every level and nothing is left to compute from the graph.
        Assert.False(summaries.HoldsGraphOf(engine.Method("Service", "Describe")));
    }

    [Fact]
    public void A_root_whose_analysis_is_skipped_is_let_go_as_if_it_had_been_analysed()
    {
        var engine = Engine("ReleaseSkipped");
        var summaries = engine.Flow.Summaries;
        var describe = engine.Method("Service", "Describe");
        summaries.ForRoot(engine.Method("Service", "Report"), CancellationToken.None);
        Assert.True(summaries.HoldsGraphOf(describe), "the callee has not had its turn as a root yet");
        Assert.False(engine.Flow.Sending.MaySend(describe, CancellationToken.None));

        summaries.Skip(describe);

        Assert.False(summaries.HoldsGraphOf(describe));
        Assert.Empty(summaries.ForRoot(describe, CancellationToken.None).SinkCalls);
    }

    [Fact]
    public void A_graph_let_go_is_taken_back_while_the_collector_has_not_taken_it()
    {
        var engine = Engine("ReleaseKept");
        var prepared = PreparedBody.Of(engine.Method("Service", "Describe"), engine.Compilation, engine.Flow.Catalog, CancellationToken.None);
        var graph = prepared.Graph;
        Assert.NotNull(graph);

        prepared.Release();

        Assert.False(prepared.HoldsGraph);
        Assert.Same(graph, prepared.Graph);
        Assert.True(prepared.HoldsGraph);
    }

    [Theory]
    [InlineData("Report", "Describe", Callee.AnalysedFirst, true)]
    [InlineData("Report", "Describe", Callee.AnalysedFirstAndCollected, true)]
    [InlineData("Report", "Describe", Callee.NotYetAnalysed, true)]
    [InlineData("ReportCount", "Count", Callee.AnalysedFirst, false)]
    [InlineData("ReportCount", "Count", Callee.AnalysedFirstAndCollected, false)]
    [InlineData("ReportCount", "Count", Callee.NotYetAnalysed, false)]
    public void A_caller_sees_the_same_flow_whether_its_callee_was_let_go_before_or_not(string caller, string callee, Callee before, bool sendsTheName)
    {
        var engine = Engine("ReleaseCaller" + caller + before);
        var summaries = engine.Flow.Summaries;
        if (before != Callee.NotYetAnalysed)
        {
            summaries.ForRoot(engine.Method("Service", callee), CancellationToken.None);
            Assert.False(summaries.HoldsGraphOf(engine.Method("Service", callee)));
        }

        if (before == Callee.AnalysedFirstAndCollected)
        {
            // Nothing else refers to the graph held weakly: a full collection takes it, and the caller binds the body again.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        var summary = summaries.ForRoot(engine.Method("Service", caller), CancellationToken.None);

        var sink = Assert.Single(summary.SinkCalls);
        Assert.Equal(sendsTheName, sink.Flows.Any(flow => flow.Label == TaintLabel.SymbolName));
    }

    public enum Callee
    {
        NotYetAnalysed,
        AnalysedFirst,
        AnalysedFirstAndCollected,
    }

    private static EngineOnFile Engine(string assemblyName)
    {
        var engine = EngineOnFile.Of(assemblyName, Service, "/src/Service.cs");
        Assert.Empty(engine.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return engine;
    }
}
