using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAudit.Inputs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAudit.Analysis;

/// <summary>What the analyzers said about one compilation, and how sound the compilation was.</summary>
internal sealed record UnitResult(string Name, ImmutableArray<Diagnostic> Diagnostics, int CompileErrors, int Files, IReadOnlyList<string> AnalyzerFailures);

/// <summary>
/// Runs the analyzers on one compilation through CompilationWithAnalyzers, with the audit's options as
/// analyzer config, its models file as an additional file, and its rule severities in the compilation.
/// Diagnostics suppressed in source (#pragma, SuppressMessage) are kept and marked.
/// </summary>
internal static class UnitAnalysis
{
    public static async Task<UnitResult> RunAsync(AuditUnit unit, AuditConfiguration configuration, CancellationToken cancellationToken)
    {
        var analyzers = ExfilRules.CreateAnalyzers();
        var compilation = unit.Compilation.WithOptions(configuration.Apply(unit.Compilation.Options, ExfilRules.Descriptors.Select(d => d.Id)));

        var additionalFiles = unit.ModelsFiles;
        if (configuration.Models is { } models)
        {
            additionalFiles = additionalFiles.Add(models);
        }

        var failures = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles, new AuditConfigOptionsProvider(configuration.AnalyzerOptions)),
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (failures)
                {
                    failures.Add($"{analyzer.GetType().Name} failed: {exception.GetType().Name}: {exception.Message}");
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true);

        var all = await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var ours = all.Where(d => ExfilRules.IsExfilRule(d.Id)).ToImmutableArray();
        var compileErrors = all.Count(d => d.Severity == DiagnosticSeverity.Error && !ExfilRules.IsExfilRule(d.Id) && !d.Id.StartsWith("AD", StringComparison.Ordinal));
        var files = compilation.SyntaxTrees.Count(tree => tree.FilePath.Length > 0);
        return new UnitResult(unit.Name, ours, compileErrors, files, failures.Distinct().ToList());
    }
}
