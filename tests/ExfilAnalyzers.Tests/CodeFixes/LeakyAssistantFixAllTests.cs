using System.Linq;
using System.Threading.Tasks;
using ExfilAnalyzers.CodeFixes.Gating;
using ExfilAnalyzers.CodeFixes.Redaction;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;
using Xunit.Abstractions;

namespace ExfilAnalyzers.Tests.CodeFixes;

/// <summary>
/// Acceptance (issue 7): Fix All in Solution of each fix family, applied to samples/LeakyAssistant, leaves a
/// project that compiles without errors or new warnings and gets no EXF diagnostic; the same run twice gives
/// the same code.
/// </summary>
public class LeakyAssistantFixAllTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("ExfilAnalyzers.Redact.KeyedHash")]
    [InlineData("ExfilAnalyzers.Redact.Remove")]
    public Task Redact(string equivalenceKey) => FixesEverything(new RedactCodeFixProvider(), equivalenceKey, requireConsent: false);

    [Fact]
    public Task Gate() => FixesEverything(new GateCodeFixProvider(), "ExfilAnalyzers.Gate.OptIn", requireConsent: true);

    private async Task FixesEverything(CodeFixProvider provider, string equivalenceKey, bool requireConsent)
    {
        var original = SampleWorkspace.Load("LeakyAssistant", requireConsent);
        var before = await FixAllRunner.AnalyzeAsync(original);
        Assert.Contains(before, d => provider.FixableDiagnosticIds.Contains(d.Id));
        var warningsBefore = await CompilerWarningsAsync(original);

        var fixedSolution = await FixAllRunner.FixAllInSolutionAsync(original, provider, equivalenceKey);
        await ShowChangesAsync(original, fixedSolution);

        var project = fixedSolution.Projects.Single();
        var compilation = (await project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(warningsBefore, await CompilerWarningsAsync(fixedSolution));
        Assert.Empty((await FixAllRunner.AnalyzeAsync(fixedSolution)).Select(d => d.ToString()));

        var again = await FixAllRunner.FixAllInSolutionAsync(SampleWorkspace.Load("LeakyAssistant", requireConsent), provider, equivalenceKey);
        Assert.Equal(await TextsAsync(fixedSolution), await TextsAsync(again));
    }

    private static async Task<string[]> CompilerWarningsAsync(Solution solution)
    {
        var compilation = (await solution.Projects.Single().GetCompilationAsync())!;
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id + " " + d.GetMessage()).ToArray();
    }

    private static async Task<string[]> TextsAsync(Solution solution) =>
        await Task.WhenAll(solution.Projects.Single().Documents.OrderBy(d => d.Name).Select(async d => d.Name + "\n" + await d.GetTextAsync()));

    private async Task ShowChangesAsync(Solution original, Solution fixedSolution)
    {
        foreach (var document in fixedSolution.Projects.Single().Documents.OrderBy(d => d.Name))
        {
            var text = (await document.GetTextAsync()).ToString();
            var before = original.GetDocument(document.Id) is { } old ? (await old.GetTextAsync()).ToString() : null;
            if (before != text)
            {
                output.WriteLine("=== " + document.Name + (before is null ? " (added)" : ""));
                output.WriteLine(text);
            }
        }
    }
}
