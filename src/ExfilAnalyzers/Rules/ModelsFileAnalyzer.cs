using System.Collections.Concurrent;
using System.Collections.Immutable;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Rules;

/// <summary>
/// EXF0001: a line of ExfilModels.txt that does not parse, reported at that line and column of the file
/// as soon as the file is analysed (live in the IDE); the rest of the file still applies. An invalid
/// exfil_analyzers.* option value is reported here too, once per compilation and without a location
/// (options live in .editorconfig and .globalconfig files, which diagnostics cannot point into), and
/// the option's default is used.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModelsFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(ExfilDescriptors.InvalidModelEntry);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterAdditionalFileAction(AnalyzeModelsFile);
        context.RegisterCompilationStartAction(start =>
        {
            var reported = new ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);
            start.RegisterSyntaxTreeAction(tree => ReportOptionErrors(tree, reported));
        });
    }

    private static void AnalyzeModelsFile(AdditionalFileAnalysisContext context)
    {
        if (!ModelsFile.IsModelsFile(context.AdditionalFile.Path) || context.AdditionalFile.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        foreach (var error in ModelsFile.Get(context.AdditionalFile.Path, text).Errors)
        {
            var location = Location.Create(context.AdditionalFile.Path, error.Span, error.LineSpan);
            context.ReportDiagnostic(Diagnostic.Create(ExfilDescriptors.InvalidModelEntry, location, error.Message));
        }
    }

    private static void ReportOptionErrors(SyntaxTreeAnalysisContext context, ConcurrentDictionary<string, bool> reported)
    {
        var options = ExfilOptions.Read(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Tree));
        foreach (var error in options.Errors)
        {
            if (reported.TryAdd(error, true))
            {
                context.ReportDiagnostic(Diagnostic.Create(ExfilDescriptors.InvalidModelEntry, Location.None, error));
            }
        }
    }
}
