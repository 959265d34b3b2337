using System.Collections.Immutable;
using System.Linq;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// <see cref="TaintValue.SameValue"/> decides whether a summary computed at one field level serves another:
/// it must say "same" only for values a method cannot tell apart, and should say it for delegates that
/// two joins found the same functions for.
/// </summary>
public class TaintValueSameTests
{
    [Fact]
    public void The_same_functions_in_two_arrays_are_the_same_value()
    {
        var (first, second) = TwoMethods();
        var one = TaintValue.FromFunction(new FunctionRef(null, null, first)).WithFunctions(ImmutableArray.Create(new FunctionRef(null, null, first), new FunctionRef(null, null, second)));
        var other = TaintValue.Clean.WithFunctions(ImmutableArray.Create(new FunctionRef(null, null, first), new FunctionRef(null, null, second)));

        Assert.True(one.SameValue(other));
        Assert.False(one.SameValue(TaintValue.FromFunction(new FunctionRef(null, null, first))));
    }

    [Fact]
    public void Data_found_twice_is_not_the_same_value()
    {
        // Two computations that find the same label make two traces: the messages could differ.
        var once = TaintValue.FromSource(TaintLabel.SymbolName, "ISymbol.Name", Location.None);
        var again = TaintValue.FromSource(TaintLabel.SymbolName, "ISymbol.Name", Location.None);

        Assert.True(once.SameValue(once));
        Assert.False(once.SameValue(again));
        Assert.False(once.SameValue(TaintValue.Clean));
    }

    private static (IMethodSymbol First, IMethodSymbol Second) TwoMethods()
    {
        var compilation = CSharpCompilation.Create("Functions", new[] { CSharpSyntaxTree.ParseText("class C { void A() { } void B() { } }") }, TestReferences.All);
        var type = compilation.GetTypeByMetadataName("C")!;
        return (type.GetMembers("A").OfType<IMethodSymbol>().Single(), type.GetMembers("B").OfType<IMethodSymbol>().Single());
    }
}
