using System.Collections.Immutable;
using System.Linq;
using ExfilAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAudit.Analysis;

/// <summary>The analyzers of the ExfilAnalyzers package, the same ones a build runs, and their rules.</summary>
internal static class ExfilRules
{
    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
        ImmutableArray.Create<DiagnosticAnalyzer>(new ExfilFlowAnalyzer(), new ModelsFileAnalyzer());

    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = CreateAnalyzers()
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .GroupBy(descriptor => descriptor.Id)
        .Select(group => group.First())
        .OrderBy(descriptor => descriptor.Id, System.StringComparer.Ordinal)
        .ToImmutableArray();

    public static bool IsExfilRule(string id) => IndexOf(id) >= 0;

    /// <summary>The rule's place in <see cref="Descriptors"/>, or -1.</summary>
    public static int IndexOf(string id)
    {
        for (var i = 0; i < Descriptors.Length; i++)
        {
            if (Descriptors[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
