using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// Runs the flow analyzer on one document of a (changed) solution, with the project's models file and
/// options, exactly as the build would. A diagnostic names one category per sink call but its path shows
/// one flow only; when a sink gets the same category from two places, the redaction fixes ask again after
/// fixing the first, so that a fix leaves no diagnostic behind rather than hoping it found every place.
/// </summary>
internal static class FlowOracle
{
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Document document, CancellationToken cancellationToken)
    {
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || model is null)
        {
            return ImmutableArray<Diagnostic>.Empty;
        }

        var options = new CompilationWithAnalyzersOptions(document.Project.AnalyzerOptions, onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ExfilFlowAnalyzer());
        return await compilation.WithAnalyzers(analyzers, options)
            .GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false);
    }
}
