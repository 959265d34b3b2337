using System;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ExfilAnalyzers.Tests.Models;

/// <summary>
/// In the IDE each keystroke is a new compilation. The catalog of the previous one is shared only when
/// the new compilation binds the models to the same symbols; otherwise the models must be bound afresh,
/// or a call would be matched against the symbols of a compilation that no longer exists.
/// </summary>
public class RecentCatalogsTests
{
    private const string Agent = """
        using Microsoft.ApplicationInsights;

        class Agent
        {
            void Report(string text) => new TelemetryClient().TrackEvent(text);
        }
        """;

    /// <summary>A project's own class that takes the full name of the modelled telemetry client.</summary>
    private const string OwnClient = """
        namespace Microsoft.ApplicationInsights
        {
            public class TelemetryClient
            {
                public void TrackEvent(string name) { }
            }
        }
        """;

    [Fact]
    public void An_edit_inside_a_body_shares_the_models()
    {
        var first = Compile(Agent);
        var second = Edited(first);

        var earlier = RecentCatalogs.For(first, ModelTable.BuiltIn, null, CancellationToken.None);
        var later = RecentCatalogs.For(second, ModelTable.BuiltIn, null, CancellationToken.None);

        Assert.True(earlier.BoundToReferencesOnly);
        Assert.NotSame(earlier, later);
        // The very model object: the binding was shared, not done again.
        Assert.Same(TrackEvent(first, earlier), TrackEvent(second, later));
    }

    [Fact]
    public void New_reference_objects_bind_the_models_afresh()
    {
        var first = Compile(Agent);
        // The same files, read again: new reference objects and new assembly symbols.
        var reloaded = first.References.Select(r => r is PortableExecutableReference { FilePath: { } path } ? MetadataReference.CreateFromFile(path) : r);
        var second = Edited(first).WithReferences(reloaded);

        _ = RecentCatalogs.For(first, ModelTable.BuiltIn, null, CancellationToken.None);
        var later = RecentCatalogs.For(second, ModelTable.BuiltIn, null, CancellationToken.None);

        Assert.NotNull(TrackEvent(second, later));
        Assert.Equal("TelemetryClient.TrackEvent", TrackEvent(second, later)!.Api);
    }

    [Fact]
    public void A_source_type_that_takes_a_modelled_name_binds_the_models_afresh()
    {
        var first = Compile(Agent);
        var second = first.AddSyntaxTrees(CSharpSyntaxTree.ParseText(OwnClient, path: "/src/OwnClient.cs"));

        _ = RecentCatalogs.For(first, ModelTable.BuiltIn, null, CancellationToken.None);
        var later = RecentCatalogs.For(second, ModelTable.BuiltIn, null, CancellationToken.None);
        var fresh = ModelCatalog.Create(second, ModelTable.BuiltIn, null);

        Assert.False(fresh.BoundToReferencesOnly);
        var own = second.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Microsoft").GetNamespaceMembers()
            .Single(n => n.Name == "ApplicationInsights").GetTypeMembers("TelemetryClient").Single(t => t.Locations[0].IsInSource);
        var method = own.GetMembers("TrackEvent").Single();
        // The compilation resolves the name to its own class: the models apply to it, as a fresh binding says.
        Assert.Equal(fresh.Find(method, own)?.Api, later.Find(method, own)?.Api);
        Assert.NotNull(later.Find(method, own));
    }

    [Fact]
    public void User_models_are_bound_to_every_compilation()
    {
        const string api = """
            public class Wrapper
            {
                public void Send(string text) { }
            }
            """;
        var first = Compile(Agent, api);
        var second = Edited(first);
        var models = UserModels.From(new[] { ModelsFile.Parse("ExfilModels.txt", SourceText.From("sink M:Wrapper.Send(System.String)\nendpoint https://telemetry.contoso.com/")) });

        // Without models first, then with them: the second must not take the first's catalog.
        _ = RecentCatalogs.For(first, ModelTable.BuiltIn, null, CancellationToken.None);
        var withModels = RecentCatalogs.For(second, ModelTable.BuiltIn, models, CancellationToken.None);
        Assert.Equal("Wrapper.Send", withModels.Find(Send(second), null)?.Api);

        // With models, then without them: the models of the first are not carried over.
        var third = Edited(second);
        var withoutModels = RecentCatalogs.For(third, ModelTable.BuiltIn, null, CancellationToken.None);
        Assert.False(withModels.BoundToReferencesOnly);
        Assert.Empty(withoutModels.Endpoints);
        Assert.Null(withoutModels.Find(Send(third), null));
    }

    private static MemberModel? TrackEvent(Compilation compilation, ModelCatalog catalog)
    {
        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var call = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>().Single();
        var method = (IMethodSymbol)model.GetSymbolInfo(call).Symbol!;
        return catalog.Find(method, method.ContainingType);
    }

    private static ISymbol Send(Compilation compilation) =>
        compilation.GlobalNamespace.GetTypeMembers("Wrapper").Single().GetMembers("Send").Single();

    /// <summary>A project of its own name: the cache is per project, and tests run in parallel.</summary>
    private static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create("Catalogs" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"/src/File{i}.cs")), TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>The next keystroke: the first tree with a comment typed at its end, every other tree and reference the same objects.</summary>
    private static CSharpCompilation Edited(CSharpCompilation compilation)
    {
        var tree = compilation.SyntaxTrees.First();
        var edited = tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(tree.Length, 0), "\n// typed")));
        return compilation.ReplaceSyntaxTree(tree, edited);
    }
}
