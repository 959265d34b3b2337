using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.CodeFixes.Common;
using ExfilAnalyzers.CodeFixes.Gating;
using ExfilAnalyzers.CodeFixes.Redaction;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ExfilAnalyzers.Tests.CodeFixes;

/// <summary>
/// The helpers the fixes add use only what a netstandard2.0 library (and so .NET Framework) has, in C# 7.3:
/// generated for such a project, they compile against the netstandard2.0 reference assemblies without a warning.
/// </summary>
public class HelperCompatibilityTests
{
    [Fact]
    public async Task Helpers_generated_for_a_CSharp_7_3_project_compile_for_netstandard2_0()
    {
        var projectId = ProjectId.CreateNewId();
        var solution = new AdhocWorkspace().CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Contoso.Assistant", "Contoso.Assistant", LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                    parseOptions: new CSharpParseOptions(LanguageVersion.CSharp7_3))
                .WithDefaultNamespace("Contoso.Assistant"))
            .AddDocument(DocumentId.CreateNewId(projectId), "Agent.cs", SourceText.From("namespace Contoso.Assistant\n{\n    class Agent { }\n}\n"));
        var document = solution.Projects.Single().Documents.Single();

        var keyedHash = await HelperTextAsync(document, KeyedHashHelper.For(document.Project));
        var optIn = await HelperTextAsync(document, OptInHelper.For(document.Project));

        Assert.DoesNotContain("#nullable", keyedHash);
        Assert.Contains("public static string Compute(string value)", keyedHash);
        Assert.Contains("namespace Contoso.Assistant\n{\n    /// <summary>", keyedHash);
        Assert.Contains("public const string Variable = \"CONTOSO_ASSISTANT_TELEMETRY_OPTIN\";", optIn);

        var references = Directory.GetFiles(File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "netstandard-references.txt")).Trim(), "*.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("Contoso.Assistant",
            new[] { keyedHash, optIn }.Select(text => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.CSharp7_3))),
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, warningLevel: 9999));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
    }

    private static async Task<string> HelperTextAsync(Document document, HelperTemplate template)
    {
        var (solution, type) = (await HelperDocuments.EnsureAsync(document, template, CancellationToken.None))!.Value;
        var added = solution.GetDocument(type.Locations[0].SourceTree)!;
        return (await added.GetTextAsync()).ToString();
    }
}
