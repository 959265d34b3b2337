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

    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> RunAsync(
        IEnumerable<string> sources, IEnumerable<AdditionalText>? additionalFiles = null, CancellationToken cancellationToken = default)
    {
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"/src/File{i}.cs", cancellationToken: cancellationToken));
        var compilation = CSharpCompilation.Create("Broken", trees, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["EXF1007"] = ReportDiagnostic.Warn }));
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions((additionalFiles ?? Array.Empty<AdditionalText>()).ToImmutableArray()),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) exceptions.Add(exception); },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(All, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return (diagnostics, exceptions);
    }
}
