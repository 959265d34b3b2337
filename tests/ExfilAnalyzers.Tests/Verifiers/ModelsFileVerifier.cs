using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Rules;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ExfilAnalyzers.Tests.Verifiers;

/// <summary>Runs EXF0001 on an ExfilModels.txt written the way a user would, squiggles marked inline.</summary>
internal static class ModelsFileVerifier
{
    public static Task VerifyAsync(string models, params DiagnosticResult[] expected)
    {
        var test = new Test();
        test.TestState.AdditionalFiles.Add(("/0/ExfilModels.txt", models));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static DiagnosticResult Diagnostic() => CSharpAnalyzerVerifier<ModelsFileAnalyzer, DefaultVerifier>.Diagnostic("EXF0001");

    public sealed class Test : CSharpAnalyzerTest<ModelsFileAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            TestCode = "class Placeholder { }";
        }
    }
}
