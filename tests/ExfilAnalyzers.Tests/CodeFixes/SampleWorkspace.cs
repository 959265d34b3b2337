using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ExfilAnalyzers.Tests.Conventions;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAnalyzers.Tests.CodeFixes;

/// <summary>
/// A sample project of samples/ as an in-memory solution: its C# files and its ExfilModels.txt, compiled as
/// the sample's project file says (C# 12, nullable on, its root namespace) against the test code's references,
/// which hold the packages the samples use.
/// </summary>
internal static class SampleWorkspace
{
    public static Solution Load(string sampleName, bool requireConsentForAllTelemetry)
    {
        var folder = RepositoryFiles.PathOf("samples", sampleName);
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId(sampleName);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // As the .NET SDK compiles: unification notes are not warnings. EXF1007 is off unless asked for.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
                ["EXF1007"] = requireConsentForAllTelemetry ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress,
            });
        var project = ProjectInfo.Create(projectId, VersionStamp.Default, sampleName, sampleName, LanguageNames.CSharp,
                filePath: Path.Combine(folder, sampleName + ".csproj"),
                compilationOptions: options,
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
                metadataReferences: TestReferences.All)
            .WithDefaultNamespace(sampleName);
        var solution = workspace.CurrentSolution.AddProject(project);
        foreach (var file in Directory.GetFiles(folder, "*.cs").OrderBy(f => f, System.StringComparer.Ordinal))
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(file),
                SourceText.From(File.ReadAllText(file), Encoding.UTF8), filePath: file);
        }

        var models = Path.Combine(folder, "ExfilModels.txt");
        if (File.Exists(models))
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), "ExfilModels.txt",
                SourceText.From(File.ReadAllText(models), Encoding.UTF8), filePath: models);
        }

        return solution;
    }
}
