using System.Linq;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ExfilAnalyzers.Tests.Verifiers;

/// <summary>
/// The flow engine on one file, without the analyzer driver: for tests that ask the summary store
/// directly (a summary at a given level, a field's value asked first). Each test names its own
/// assembly, as the engine's caches across compilations are keyed by it.
/// </summary>
internal sealed record EngineOnFile(Compilation Compilation, FlowContext Flow)
{
    public static EngineOnFile Of(string assemblyName, string source, string path)
    {
        var compilation = CSharpCompilation.Create(assemblyName, new[] { CSharpSyntaxTree.ParseText(source, path: path) },
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return new EngineOnFile(compilation, new FlowContext(compilation, ModelCatalog.Create(compilation, ModelTable.BuiltIn, null), null));
    }

    public INamedTypeSymbol Type(string name) => Compilation.GetTypeByMetadataName(name)!;

    public IMethodSymbol Method(string type, string name) => Type(type).GetMembers(name).OfType<IMethodSymbol>().Single();
}
