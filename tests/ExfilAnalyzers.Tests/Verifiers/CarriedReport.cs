using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Tests.Verifiers;

/// <summary>
/// What the carry tests read of a compilation's engine: <c>Agent.Report</c>'s findings with their paths,
/// and whether a method's summary was computed there or taken over from the compilation before.
/// </summary>
internal static class CarriedReport
{
    /// <summary>Agent.Report analysed for its own diagnostics.</summary>
    public static MethodSummary Report(FlowContext flow) =>
        flow.Summaries.ForRoot(flow.Compilation.GetTypeByMetadataName("Agent")!.GetMembers("Report").OfType<IMethodSymbol>().Single(), CancellationToken.None);

    /// <summary>Each of Report's findings with where its data came from and went, by file and line.</summary>
    public static List<string> Traces(FlowContext flow) =>
        Report(flow).SinkCalls.SelectMany(call => call.Flows.Select(f =>
                $"{call.Api} {f.Label} {Line(f.Primary)} from {Line(f.Trace.SourceLocation)} via {string.Join(" ", f.Trace.Steps.Select(Line))}"))
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .ToList();

    /// <summary>Every location of Report's findings' paths.</summary>
    public static IEnumerable<Location> Locations(FlowContext flow) =>
        Report(flow).SinkCalls.SelectMany(call => call.Flows).SelectMany(f => f.Trace.Steps.Add(f.Trace.SourceLocation).Add(f.Primary)).Where(l => l.IsInSource);

    public static string Line(Location location) => location.GetLineSpan().ToString();

    /// <summary>
    /// Whether the compilation after an edit computed the method's summary at some mode itself: one taken
    /// over is one the compilation before kept (<paramref name="kept"/>, read before the one after is
    /// analysed), as it was or depending also on what an edited member's new summaries were computed from
    /// (early cutoff).
    /// </summary>
    public static bool Computed(CarriedAnswers kept, FlowContext after, IMethodSymbol method) =>
        Cached(after, method).Any(held => !kept.Summaries.Any(k => k.Key.Name == method.Name && k.Key.Mode == held.Mode
            && (ReferenceEquals(k.Value.Deps, held.Summary.Deps) || held.Summary.Deps.Used.Contains(k.Value.Deps))));

    /// <summary>The method's summaries the compilation holds, by mode.</summary>
    public static IEnumerable<(int Mode, MethodSummary Summary)> Cached(FlowContext flow, IMethodSymbol method)
    {
        for (var mode = 0; mode <= CallChain.Report; mode++)
        {
            if (flow.Summaries.Cached(method, mode) is { } summary) yield return (mode, summary);
        }
    }
}
