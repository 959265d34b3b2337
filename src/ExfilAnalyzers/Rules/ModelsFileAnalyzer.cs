using System.Collections.Immutable;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Rules;

/// <summary>
/// EXF0001: a line of ExfilModels.txt that does not parse, reported at that line and column of the file.
/// The rest of the file still applies. Invalid exfil_analyzers.* option values are reported here too,
/// once per compilation, since options are part of the same configuration and have no file location.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelsFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(ExfilDescriptors.InvalidModelEntry);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        foreach (var (file, parsed) in UserModelsReader.Files(context.Options.AdditionalFiles, context.CancellationToken))
        {
            foreach (var error in parsed.Errors)
            {
                var location = Location.Create(file.Path, error.Span, error.LineSpan);
                context.ReportDiagnostic(Diagnostic.Create(ExfilDescriptors.InvalidModelEntry, location, error.Message));
            }
        }

        var reported = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            var options = ExfilOptions.Read(context.Options.AnalyzerConfigOptionsProvider.GetOptions(tree));
            foreach (var error in options.Errors)
            {
                if (reported.Add(error))
                {
                    context.ReportDiagnostic(Diagnostic.Create(ExfilDescriptors.InvalidModelEntry, Location.None, error));
                }
            }
        }
    }
}
