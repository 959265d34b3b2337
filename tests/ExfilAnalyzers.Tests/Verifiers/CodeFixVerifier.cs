using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ExfilAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs a code fix on test code written as the user writes it, squiggles marked inline as for
/// <see cref="FlowVerifier"/>, and compares the result, after one fix at a time and after Fix All in
/// document, project and solution, with the expected code. The code compiles against the same references
/// as FlowVerifier's, with nullable reference types on, and must stay free of compiler warnings before
/// and after the fix.
/// </summary>
internal static class CodeFixVerifier<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    private const string TestFile = "/0/Test0.cs";
    private const string StubsFile = "/0/Stubs.cs";

    // The stubs predate nullable annotations; they compile as they were written (a directive C# 8 brought).
    private static readonly string Stubs = "#nullable disable\n" + TestStubs.Source;

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<ExfilFlowAnalyzer, DefaultVerifier>.Diagnostic(id);

    /// <summary>Applies the action with <paramref name="equivalenceKey"/> and expects <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource, string equivalenceKey) =>
        new Test(source, fixedSource) { CodeActionEquivalenceKey = equivalenceKey }.RunAsync(CancellationToken.None);

    public sealed class Test : CSharpCodeFixTest<ExfilFlowAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test(string source, string fixedSource)
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            TestState.Sources.Add((TestFile, source));
            TestState.Sources.Add((StubsFile, Stubs));
            FixedState.Sources.Add((TestFile, fixedSource));
            FixedState.Sources.Add((StubsFile, Stubs));
            CompilerDiagnostics = CompilerDiagnostics.Warnings;
            SolutionTransforms.Add(CompileLikeTheSdk);

            // Off by default in the package; the tests of EXF1007 turn it on.
            DisabledDiagnostics.Add("EXF1007");
        }

        /// <summary>Turns on the opt-in rule EXF1007, as a user's .editorconfig would.</summary>
        public bool RequireConsentForAllTelemetry
        {
            set
            {
                if (value) DisabledDiagnostics.Remove("EXF1007");
            }
        }

        /// <summary>The contents of an ExfilModels.txt beside the project; it is the same after the fix.</summary>
        public string Models
        {
            set
            {
                TestState.AdditionalFiles.Add(("/0/ExfilModels.txt", value));
                FixedState.AdditionalFiles.Add(("/0/ExfilModels.txt", value));
            }
        }

        /// <summary>Lines of a .globalconfig: exfil_analyzers.* options and severities.</summary>
        public string GlobalConfig
        {
            set
            {
                TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + value));
                FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + value));
            }
        }

        /// <summary>A document the fix adds to the project (a generated helper), by name and expected text.</summary>
        public (string Name, string Text) AddedDocument
        {
            set => FixedState.Sources.Add(value);
        }

        /// <summary>A program with top-level statements rather than a library.</summary>
        public bool IsProgram
        {
            set
            {
                if (value)
                {
                    TestState.OutputKind = OutputKind.ConsoleApplication;
                    FixedState.OutputKind = OutputKind.ConsoleApplication;
                }
            }
        }

        /// <summary>The C# version the project compiles with (the default is the compiler's latest).</summary>
        public LanguageVersion LanguageVersion
        {
            get => _languageVersion;
            set
            {
                _languageVersion = value;
                if (value < LanguageVersion.CSharp8)
                {
                    foreach (var state in new[] { TestState, FixedState })
                    {
                        var index = state.Sources.FindIndex(source => source.filename == StubsFile);
                        state.Sources[index] = (StubsFile, Microsoft.CodeAnalysis.Text.SourceText.From(TestStubs.Source));
                    }
                }
            }
        }

        private LanguageVersion _languageVersion = LanguageVersion.Default;

        /// <summary>The project's root namespace, where generated helpers go.</summary>
        public string? DefaultNamespace { get; set; }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        protected override Project ApplyCompilationOptions(Project project)
        {
            var applied = base.ApplyCompilationOptions(project);
            return DefaultNamespace is null ? applied : applied.Solution.WithProjectDefaultNamespace(applied.Id, DefaultNamespace).GetProject(applied.Id)!;
        }

        /// <summary>
        /// Every project of the test (additional ones included) with nullable reference types on (from C# 8) and, as the .NET SDK
        /// compiles, without unification notes (CS1701, CS1702); test code documents nothing (CS1591).
        /// </summary>
        private Solution CompileLikeTheSdk(Solution solution, ProjectId primary)
        {
            foreach (var project in solution.Projects)
            {
                var options = (CSharpCompilationOptions)project.CompilationOptions!;
                var silenced = new[] { "CS1701", "CS1702", "CS1591" }.Concat(DisabledDiagnostics)
                    .Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Suppress));
                var nullable = ((CSharpParseOptions)project.ParseOptions!).LanguageVersion >= LanguageVersion.CSharp8
                    ? NullableContextOptions.Enable
                    : NullableContextOptions.Disable;
                solution = solution.WithProjectCompilationOptions(project.Id, options
                    .WithNullableContextOptions(nullable)
                    .WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItems(silenced)));
            }

            return solution;
        }
    }
}
