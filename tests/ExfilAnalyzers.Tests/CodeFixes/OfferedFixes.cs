using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAnalyzers.Tests.CodeFixes;

/// <summary>The titles of the code actions a provider offers for each diagnostic of some code, as the light bulb lists them.</summary>
internal static class OfferedFixes
{
    public static async Task<string[]> TitlesAsync(CodeFixProvider provider, string source, string? models = null, string? globalConfig = null)
    {
        var projectId = ProjectId.CreateNewId();
        var solution = new AdhocWorkspace().CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                metadataReferences: TestReferences.All))
            .AddDocument(DocumentId.CreateNewId(projectId), "Test0.cs", SourceText.From(source), filePath: "/0/Test0.cs")
            .AddDocument(DocumentId.CreateNewId(projectId), "Stubs.cs", SourceText.From("#nullable disable\n" + TestStubs.Source), filePath: "/0/Stubs.cs");
        if (models is not null)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), "ExfilModels.txt", SourceText.From(models), filePath: "/0/ExfilModels.txt");
        }

        if (globalConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig",
                SourceText.From("is_global = true\n" + globalConfig), filePath: "/.globalconfig");
        }

        var titles = new List<string>();
        foreach (var diagnostic in (await FixAllRunner.AnalyzeAsync(solution)).Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start))
        {
            var actions = new List<CodeAction>();
            var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            titles.AddRange(actions.Select(a => diagnostic.Id + ": " + a.Title));
        }

        return titles.ToArray();
    }
}
