using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// The same diagnostics from a command-line build and from the IDE's file-by-file analysis, in any
/// order, and an edit to a callee in another file changes the caller's diagnostics.
/// </summary>
public class LiveAnalysisTests
{
    private const string Caller = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Agent
        {
            private static readonly TelemetryClient Client = new();

            void Report(ISymbol symbol, SyntaxNode node)
            {
                Client.TrackEvent(Helpers.Describe(symbol));
                Helpers.Forward(node.ToString(), 3);
                Client.TrackEvent(Helpers.Cached);
            }
        }
        """;

    private const string Callee = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        static class Helpers
        {
            private static readonly TelemetryClient Client = new();
            public static string Cached = System.Environment.UserName;

            public static string Describe(ISymbol symbol) => symbol.ToDisplayString();

            // Recursive, and mutually recursive with Back: cycles must give the same answer from any side.
            public static void Forward(string text, int depth) { if (depth > 0) Back(text, depth - 1); else Client.TrackTrace(text); }
            public static void Back(string text, int depth) => Forward(text, depth);
        }
        """;

    private const string EditedCallee = """
        using Microsoft.CodeAnalysis;

        static class Helpers
        {
            public static string Cached = "constant";
            public static string Describe(ISymbol symbol) => symbol.Kind.ToString();
            public static void Forward(string text, int depth) { }
        }
        """;

    [Fact]
    public async Task File_by_file_in_any_order_equals_the_whole_build()
    {
        var compilation = Compile(Caller, Callee);
        var whole = Describe(await compilation.WithAnalyzers(AnalyzerRunner.All).GetAnalyzerDiagnosticsAsync());
        Assert.Equal(3, whole.Count(d => d.Contains("EXF100")));

        foreach (var order in new[] { new[] { 0, 1 }, new[] { 1, 0 } })
        {
            // One analyzer host per order, as an IDE session would have, asked one file at a time.
            var session = compilation.WithAnalyzers(AnalyzerRunner.All);
            var byFile = new List<string>();
            foreach (var index in order)
            {
                var tree = compilation.SyntaxTrees.ElementAt(index);
                byFile.AddRange(Describe(await session.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, default)));
                byFile.AddRange(Describe(await session.GetAnalyzerSyntaxDiagnosticsAsync(tree, default)));
            }

            Assert.Equal(whole, byFile.OrderBy(d => d).ToList());
        }
    }

    [Fact]
    public async Task Editing_a_callee_in_another_file_updates_the_caller()
    {
        var before = Compile(Caller, Callee);
        var after = before.ReplaceSyntaxTree(before.SyntaxTrees.ElementAt(1), CSharpSyntaxTree.ParseText(EditedCallee, path: "/src/Helpers.cs"));
        var callerTree = after.SyntaxTrees.First();

        var diagnostics = await after.WithAnalyzers(AnalyzerRunner.All).GetAnalyzerSemanticDiagnosticsAsync(after.GetSemanticModel(callerTree), null, default);

        Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("EXF", System.StringComparison.Ordinal)));
    }

    /// <summary>
    /// What the IDE learnt about an unchanged file holds only while the declarations it binds against
    /// do: here an edit elsewhere turns <c>Sender</c> into Application Insights' client, and the helper's
    /// unchanged <c>s.TrackEvent(text)</c> into a sink call.
    /// </summary>
    [Fact]
    public async Task A_declaration_edited_in_another_file_can_make_an_unchanged_call_a_sink()
    {
        const string helper = """
            static class Helper
            {
                public static void Run(Sender s, string text) => s.TrackEvent(text);
            }
            """;
        const string ownSender = """
            using Microsoft.CodeAnalysis;

            class Sender
            {
                public void TrackEvent(string text) { }
            }

            class Agent
            {
                void Report(Sender s, ISymbol symbol) => Helper.Run(s, symbol.Name);
            }
            """;
        const string telemetrySender = """
            global using Sender = Microsoft.ApplicationInsights.TelemetryClient;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                void Report(Sender s, ISymbol symbol) => Helper.Run(s, symbol.Name);
            }
            """;
        var before = Compile(ownSender, helper);
        Assert.Empty((await before.WithAnalyzers(AnalyzerRunner.All).GetAnalyzerDiagnosticsAsync()).Where(d => d.Id.StartsWith("EXF", System.StringComparison.Ordinal)));

        var after = before.ReplaceSyntaxTree(before.SyntaxTrees.First(), CSharpSyntaxTree.ParseText(telemetrySender, path: "/src/Agent.cs"));
        var agentTree = after.SyntaxTrees.First();
        var diagnostics = await after.WithAnalyzers(AnalyzerRunner.All).GetAnalyzerSemanticDiagnosticsAsync(after.GetSemanticModel(agentTree), null, default);

        var finding = Assert.Single(diagnostics, d => d.Id == "EXF1002");
        Assert.Equal("symbol.Name", agentTree.GetText().ToString(finding.Location.SourceSpan));
    }

    private static CSharpCompilation Compile(string caller, string callee) =>
        CSharpCompilation.Create("Live",
            new[] { CSharpSyntaxTree.ParseText(caller, path: "/src/Agent.cs"), CSharpSyntaxTree.ParseText(callee, path: "/src/Helpers.cs") },
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static List<string> Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()} [{string.Join(", ", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()))}]")
            .OrderBy(d => d).ToList();
}
