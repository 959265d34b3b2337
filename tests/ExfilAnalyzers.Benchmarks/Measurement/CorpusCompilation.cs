using System.Collections.Immutable;
using System.Linq;
using ExfilAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// How a corpus project becomes a compilation. Single-threaded (concurrentBuild: false), like the analyzer
/// runs, so that every time in the report is the time of one core and the ratios compare like with like.
/// The NetAnalyzers taint rules are raised to warnings here, where a project's rule set would raise them.
/// </summary>
internal static class CorpusCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    public static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: true,
            concurrentBuild: false,
            nullableContextOptions: NullableContextOptions.Enable)
        .WithSpecificDiagnosticOptions(AnalyzerSuites.NetAnalyzersTaintRules.Select(id => new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Warn)));

    public static ImmutableArray<SyntaxTree> Parse(CorpusProject project) =>
        project.Files.Select(Parse).ToImmutableArray();

    public static SyntaxTree Parse(SourceFile file) =>
        CSharpSyntaxTree.ParseText(SourceText.From(file.Text), ParseOptions, file.Path);

    public static CSharpCompilation Create(CorpusProject project, ImmutableArray<SyntaxTree> trees) =>
        CSharpCompilation.Create(project.Name.Replace(' ', '_'), trees, project.References, Options);
}
