using System.Collections.Immutable;
using System.Linq;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// What a summary passes to its callees (<see cref="CallArgumentMap"/>): computed by symbol, kept by
/// documentation id, and taken over into the next compilation without finding a callee until one is asked about.
/// </summary>
public class CallArgumentMapTests
{
    private const string Services = """
        class First { public First(string text) { } }
        class Second { public Second(string text) { } }
        class Third { public Third(string text) { } }
        class Host { public static void Idle() { } }
        """;

    private static readonly TaintValue Passed = TaintValue.FromParameter(0, Location.None);

    [Fact]
    public void A_carried_map_finds_only_the_callee_asked_about()
    {
        var (before, after) = (Compile(Services), Compile(Services));
        var keeping = new CarriedSymbols(before);
        var kept = CallArgumentMap.Of(Arguments(before, ("First", TaintValue.Clean), ("Second", Passed), ("Third", TaintValue.Clean))).ById(keeping)!;
        var symbols = new CarriedSymbols(after);

        // Keeping checks each id against the callee's own type, looking nothing up through the compilation.
        Assert.Equal(0, keeping.Looked);

        var taken = CallArgumentMap.Carried(kept, symbols);

        Assert.Equal(3, taken.Count);
        Assert.Equal(0, symbols.Looked);
        Assert.True(taken.TryGetValue(Constructor(after, "Second"), out var arguments));
        Assert.Same(Passed, arguments.Single());
        Assert.Equal(1, symbols.Looked);
        Assert.False(taken.TryGetValue(Method(after, "Host", "Idle"), out _));
        Assert.False(taken.TryGetValue(Constructor(before, "Second"), out _));
    }

    /// <summary>Half-typed code: C# does not allow the two overloads, but the IDE analyses the file as it is typed.</summary>
    [Fact]
    public void An_id_two_overloads_share_is_neither_kept_nor_answered()
    {
        var compilation = Compile("""
            class Pair
            {
                void Set(ref int value) { }
                void Set(out int value) { value = 0; }
            }
            """);
        var overloads = compilation.GetTypeByMetadataName("Pair")!.GetMembers("Set").Cast<IMethodSymbol>().ToArray();
        var symbols = new CarriedSymbols(compilation);
        var computed = CallArgumentMap.Of(ImmutableDictionary.CreateRange<IMethodSymbol, ImmutableArray<TaintValue>>(SymbolEqualityComparer.Default,
            new[] { KeyValuePair(overloads[0], Passed) }));

        Assert.Null(computed.ById(symbols));

        var taken = CallArgumentMap.Carried(ImmutableDictionary.CreateRange(new[] { KeyValuePair(symbols.IdOf(overloads[0])!, Passed) }), symbols);
        Assert.False(taken.TryGetValue(overloads[0], out _));
        Assert.False(taken.TryGetValue(overloads[1], out _));
    }

    [Fact]
    public void A_computed_map_compares_with_a_carried_one_by_ids()
    {
        var (before, after) = (Compile(Services), Compile(Services));
        var kept = CallArgumentMap.Of(Arguments(before, ("First", TaintValue.Clean), ("Second", Passed))).ById(new CarriedSymbols(before))!;
        var symbols = new CarriedSymbols(after);
        var taken = CallArgumentMap.Carried(kept, symbols);

        Assert.True(CallArgumentMap.Of(Arguments(after, ("First", TaintValue.Clean), ("Second", Passed))).SameAs(taken, SameValues));
        Assert.True(taken.SameAs(CallArgumentMap.Of(Arguments(after, ("First", TaintValue.Clean), ("Second", Passed))), SameValues));
        Assert.False(CallArgumentMap.Of(Arguments(after, ("First", TaintValue.Clean), ("Second", TaintValue.Clean))).SameAs(taken, SameValues));
        Assert.False(CallArgumentMap.Of(Arguments(after, ("First", TaintValue.Clean), ("Third", Passed))).SameAs(taken, SameValues));
        Assert.False(CallArgumentMap.Of(Arguments(after, ("First", TaintValue.Clean))).SameAs(taken, SameValues));
        Assert.Equal(0, symbols.Looked);
    }

    private static bool SameValues(ImmutableArray<TaintValue> a, ImmutableArray<TaintValue> b) =>
        a.Length == b.Length && a.Zip(b, (x, y) => x.SameShape(y)).All(same => same);

    private static ImmutableDictionary<IMethodSymbol, ImmutableArray<TaintValue>> Arguments(Compilation compilation, params (string Type, TaintValue Value)[] calls) =>
        ImmutableDictionary.CreateRange(SymbolEqualityComparer.Default, calls.Select(call => KeyValuePair(Constructor(compilation, call.Type), call.Value)));

    private static System.Collections.Generic.KeyValuePair<TKey, ImmutableArray<TaintValue>> KeyValuePair<TKey>(TKey key, TaintValue value) =>
        new(key, ImmutableArray.Create(value));

    private static IMethodSymbol Constructor(Compilation compilation, string type) => compilation.GetTypeByMetadataName(type)!.InstanceConstructors.Single();

    private static IMethodSymbol Method(Compilation compilation, string type, string name) =>
        (IMethodSymbol)compilation.GetTypeByMetadataName(type)!.GetMembers(name).Single();

    private static Compilation Compile(string code) =>
        CSharpCompilation.Create("CallArguments", new[] { CSharpSyntaxTree.ParseText(code, path: "/src/Code.cs") }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
