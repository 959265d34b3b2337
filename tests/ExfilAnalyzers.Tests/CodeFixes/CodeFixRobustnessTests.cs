using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.CodeFixes.Gating;
using ExfilAnalyzers.CodeFixes.Redaction;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ExfilAnalyzers.Tests.CodeFixes;

/// <summary>
/// Every action either family offers, on half-written and on tangled code (loops, switch sections, locks,
/// labels, one-line blocks, accessors, lambdas with block bodies), computes without throwing, adds no
/// compiler error, and leaves one diagnostic of its ID fewer.
/// </summary>
public class CodeFixRobustnessTests
{
    public static IEnumerable<object[]> Sources()
    {
        yield return new object[] { "class C { void M(Microsoft.CodeAnalysis.ISymbol s, Microsoft.ApplicationInsights.TelemetryClient c) { c.TrackEvent(s.Name" };
        yield return new object[] { "class C { void M(Microsoft.CodeAnalysis.ISymbol s, Microsoft.ApplicationInsights.TelemetryClient c) { c.TrackEvent(s.Name); Undefined(); } }" };
        yield return new object[] { """
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class C(TelemetryClient client)
            {
                string Field = "";

                string Value(ISymbol s) => Echo(s.Name);

                string Echo(string value)
                {
                    client.TrackTrace(value);
                    return value;
                }

                void Loop(ISymbol s, int n)
                {
                    for (var i = 0; i < n; i++) client.TrackTrace(s.Name + i);
                    while (n-- > 0) { if (n == 3) continue; client.TrackTrace(s.Name); }
                    switch (n) { case 1: client.TrackTrace(s.Name); break; default: goto case 1; }
                    lock (this) client.TrackEvent(s.ToDisplayString(), new Dictionary<string, string> { [s.Name] = Field });
                    Field = s.Name;
                    client.TrackTrace(Field);
                    var all = new[] { s }.Select(x => { client.TrackTrace(x.Name); return x; }).ToList();
                    L: client.TrackTrace(s.MetadataName);
                    if (n < 0) goto L;
                }

                string this[ISymbol s] { set => client.TrackTrace(s.Name + value); }
            }
            """ };
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Every_offered_action_computes(string source)
    {
        var projectId = ProjectId.CreateNewId();
        var solution = new AdhocWorkspace().CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                metadataReferences: TestReferences.All))
            .AddDocument(DocumentId.CreateNewId(projectId), "Test0.cs", SourceText.From(source), filePath: "/0/Test0.cs");
        var providers = new CodeFixProvider[] { new RedactCodeFixProvider(), new GateCodeFixProvider() };
        var errorsBefore = await ErrorsAsync(solution);
        var before = await FixAllRunner.AnalyzeAsync(solution);
        var computed = 0;
        foreach (var diagnostic in before)
        {
            foreach (var provider in providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions)
                {
                    var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
                    Assert.True(await ErrorsAsync(changed) <= errorsBefore, action.Title + " on " + diagnostic);
                    var after = await FixAllRunner.AnalyzeAsync(changed);
                    Assert.True(after.Count(d => d.Id == diagnostic.Id) < before.Count(d => d.Id == diagnostic.Id), action.Title + " on " + diagnostic);
                    computed++;
                }
            }
        }

        Assert.True(computed > 0 || !source.Contains("} }"), "the complete sources offer fixes");
    }

    private static async Task<int> ErrorsAsync(Solution solution) =>
        (await solution.Projects.Single().GetCompilationAsync())!.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
}
