using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Rules;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ExfilAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs the flow analyzer on test code written as the user would write it, with the squiggles it
/// must get marked inline: <c>{|EXF1002:symbol.Name|}</c>.
/// </summary>
internal static class FlowVerifier
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        new Test { TestCode = source, Expected = expected }.RunAsync(CancellationToken.None);

    public static Task VerifyAsync(string source, string models, params DiagnosticResult[] expected) =>
        new Test { TestCode = source, Models = models, Expected = expected }.RunAsync(CancellationToken.None);

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<ExfilFlowAnalyzer, DefaultVerifier>.Diagnostic(id);

    public sealed class Test : CSharpAnalyzerTest<ExfilFlowAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            TestState.Sources.Add(("Stubs.cs", TestStubs.Source));

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

        public DiagnosticResult[] Expected
        {
            set => ExpectedDiagnostics.AddRange(value);
        }

        /// <summary>The contents of an ExfilModels.txt beside the project.</summary>
        public string Models
        {
            set => TestState.AdditionalFiles.Add(("/0/ExfilModels.txt", value));
        }

        /// <summary>Lines of a .globalconfig: exfil_analyzers.* options and severities.</summary>
        public string GlobalConfig
        {
            set => TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + value));
        }
    }
}
