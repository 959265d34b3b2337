using System.Linq;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// A shared place a carried field value writes through is found again in the next compilation
/// (<see cref="CarriedPlace"/>), and a place of one method's code is not carried at all.
/// </summary>
public class CarriedPlaceTests
{
    private const string Store = """
        using System.Collections.Generic;

        class Store
        {
            public List<string> Items = new();
            public Store Next { get; set; }
        }
        """;

    [Fact]
    public void A_field_and_the_members_below_it_are_found_again_in_the_next_compilation()
    {
        var (before, after) = Compilations();
        var place = Place.ForSymbol(Member(before, "Next")).Member(Member(before, "Items"))!.Value.ContentsPlace;

        var found = CarriedPlace.Of(place)!.In(after);

        Assert.Equal(Place.ForSymbol(Member(after, "Next")).Member(Member(after, "Items"))!.Value.ContentsPlace, found);
        Assert.NotEqual(place, found);
    }

    [Fact]
    public void This_and_its_members_are_found_again()
    {
        var (before, after) = Compilations();

        var found = CarriedPlace.Of(Place.ForThis().Member(Member(before, "Items"))!.Value)!.In(after);

        Assert.Equal(Place.ForThis().Member(Member(after, "Items"))!.Value, found);
    }

    [Fact]
    public void A_place_of_one_methods_code_is_not_carried()
    {
        var (before, _) = Compilations();
        var parameter = ((IMethodSymbol)Member(before, "set_Next")).Parameters[0];

        Assert.Null(CarriedPlace.Of(Place.ForSymbol(parameter).ContentsPlace));
        Assert.Null(CarriedPlace.Of(Place.ForCapture(new object())));
    }

    private static ISymbol Member(Compilation compilation, string name) => compilation.GetTypeByMetadataName("Store")!.GetMembers(name).Single();

    /// <summary>A project, and its next compilation after an edit in another file: its symbols are new objects.</summary>
    private static (Compilation Before, Compilation After) Compilations()
    {
        var before = CSharpCompilation.Create("CarriedPlace",
            new[] { CSharpSyntaxTree.ParseText(Store, path: "/src/Store.cs"), CSharpSyntaxTree.ParseText("class Other { int M() => 1; }", path: "/src/Other.cs") },
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var other = before.SyntaxTrees.Last();
        var after = before.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText("class Other { int M() => 2; }", path: "/src/Other.cs"));
        return (before, after);
    }
}
