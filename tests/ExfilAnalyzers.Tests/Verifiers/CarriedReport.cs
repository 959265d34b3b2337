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
    /// over is the summary the compilation before kept (<paramref name="kept"/>, read before the one after is
    /// analysed), as it was or recording that it now depends on an edited member's new summaries (early
    /// cutoff), and the one the compilation after keeps in turn.
    /// </summary>
    public static bool Computed(CarriedAnswers kept, FlowContext after, IMethodSymbol method)
    {
        var keeps = CarriedAnswers.Of(after.Compilation)!;
        return Cached(after, method).Any(held => !keeps.Summaries.Any(now => now.Key.Name == method.Name && now.Key.Mode == held.Mode
            && ReferenceEquals(now.Value.Deps, held.Summary.Deps)
            && kept.Summaries.TryGetValue(now.Key, out var before) && before.SameSummary(now.Value)));
    }

    /// <summary>The method's summaries the compilation holds, by mode.</summary>
    public static IEnumerable<(int Mode, MethodSummary Summary)> Cached(FlowContext flow, IMethodSymbol method)
    {
        for (var mode = 0; mode <= CallChain.Report; mode++)
        {
            if (flow.Summaries.Cached(method, mode) is { } summary) yield return (mode, summary);
        }
    }
}
