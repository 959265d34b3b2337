using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// Runs the flow analyzer on documents of one project of a (changed) solution, with the project's models
/// file and options, exactly as the build would; one compilation and one analyzer run for all of them. A
/// diagnostic names one category per sink call but its path shows one flow only; when a sink gets the same
/// category from two places, the redaction fixes ask again after fixing the first, so that a fix leaves no
/// diagnostic behind rather than hoping it found every place.
/// </summary>
internal static class FlowOracle
{
    public static async Task<Dictionary<DocumentId, ImmutableArray<Diagnostic>>> AnalyzeAsync(Solution solution, IEnumerable<DocumentId> documents,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<DocumentId, ImmutableArray<Diagnostic>>();
        CompilationWithAnalyzers? analysis = null;
        foreach (var id in documents)
        {
            var document = solution.GetDocument(id);
            if (document is null)
            {
                continue;
            }

            if (analysis is null)
            {
                var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                if (compilation is null)
                {
                    break;
                }

                var options = new CompilationWithAnalyzersOptions(document.Project.AnalyzerOptions, onAnalyzerException: null,
                    concurrentAnalysis: false, logAnalyzerExecutionTime: false);
                analysis = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ExfilFlowAnalyzer()), options);
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            result[id] = model is null
                ? ImmutableArray<Diagnostic>.Empty
                : await analysis.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
