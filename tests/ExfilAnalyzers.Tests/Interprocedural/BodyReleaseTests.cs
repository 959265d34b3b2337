using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// Once a method has been analysed for its own diagnostics, the engine lets go of its graph and of
/// what the compiler bound for it, the bulk of what it would otherwise keep for the whole compilation
/// (docs/design.md, "Memory"). A caller that asks for the method's summary afterwards binds it again:
/// letting go must never change an answer.
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

    [Theory]
    [InlineData("Report", "Describe", true, true)]
    [InlineData("Report", "Describe", false, true)]
    [InlineData("ReportCount", "Count", true, false)]
    [InlineData("ReportCount", "Count", false, false)]
    public void A_caller_sees_the_same_flow_whether_its_callee_was_let_go_before_or_not(string caller, string callee, bool calleeFirst, bool sendsTheName)
    {
        var engine = Engine("ReleaseCaller" + caller + calleeFirst);
        var summaries = engine.Flow.Summaries;
        if (calleeFirst)
        {
            summaries.ForRoot(engine.Method("Service", callee), CancellationToken.None);
            Assert.False(summaries.HoldsGraphOf(engine.Method("Service", callee)));
        }

        var summary = summaries.ForRoot(engine.Method("Service", caller), CancellationToken.None);

        var sink = Assert.Single(summary.SinkCalls);
        Assert.Equal(sendsTheName, sink.Flows.Any(flow => flow.Label == TaintLabel.SymbolName));
    }

    private static EngineOnFile Engine(string assemblyName)
    {
        var engine = EngineOnFile.Of(assemblyName, Service, "/src/Service.cs");
        Assert.Empty(engine.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return engine;
    }
}
