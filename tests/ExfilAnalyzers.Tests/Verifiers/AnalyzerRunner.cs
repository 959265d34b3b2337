using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs every analyzer of the package on arbitrary code, broken or not, the way the compiler does,
/// and returns the diagnostics together with every exception an analyzer threw.
/// </summary>
internal static class AnalyzerRunner
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> All = ImmutableArray.Create<DiagnosticAnalyzer>(new ExfilFlowAnalyzer(), new ModelsFileAnalyzer());

    public static Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> RunAsync(
        IEnumerable<string> sources, IEnumerable<AdditionalText>? additionalFiles = null, CancellationToken cancellationToken = default) =>
        RunTreesAsync(sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"/src/File{i}.cs", cancellationToken: cancellationToken)),
            additionalFiles, enableOptIn: true, cancellationToken);

    /// <summary>Analyses files from disk, as a build of their project would (warnings the compiler gives are not checked).</summary>
    public static Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> RunFilesAsync(
        IEnumerable<string> paths, IEnumerable<AdditionalText>? additionalFiles = null, CancellationToken cancellationToken = default) =>
        RunTreesAsync(paths.Select(path => CSharpSyntaxTree.ParseText(System.IO.File.ReadAllText(path), path: path, cancellationToken: cancellationToken)),
            additionalFiles, enableOptIn: false, cancellationToken);

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> RunTreesAsync(
        IEnumerable<SyntaxTree> trees, IEnumerable<AdditionalText>? additionalFiles, bool enableOptIn, CancellationToken cancellationToken)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        if (enableOptIn)
        {
            // Robustness runs every rule, the opt-in one included.
            options = options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["EXF1007"] = ReportDiagnostic.Warn });
        }

        var compilation = CSharpCompilation.Create("Analysed", trees, TestReferences.All, options);
        var exceptions = new List<Exception>();
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions((additionalFiles ?? Array.Empty<AdditionalText>()).ToImmutableArray()),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) exceptions.Add(exception); },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(All, analyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return (diagnostics, exceptions);
    }
}
