using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Tests.CodeFixes;

/// <summary>What the IDE does for "Fix all occurrences in Solution": the analyzers' diagnostics, then one Fix All action.</summary>
internal static class FixAllRunner
{
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Solution solution)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var project in solution.Projects)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ExfilFlowAnalyzer());
            diagnostics.AddRange(await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync());
        }

        return diagnostics.ToImmutable();
    }

    public static async Task<Solution> FixAllInSolutionAsync(Solution solution, CodeFixProvider provider, string equivalenceKey)
    {
        var diagnostics = (await AnalyzeAsync(solution)).Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
        var first = diagnostics.OrderBy(d => d.Location.SourceTree!.FilePath).ThenBy(d => d.Location.SourceSpan.Start).First();
        var document = solution.GetDocument(first.Location.SourceTree)!;
        var context = new FixAllContext(document, provider, FixAllScope.Solution, equivalenceKey, provider.FixableDiagnosticIds,
            new KnownDiagnostics(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    private sealed class KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
