using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// In the IDE each keystroke is a new compilation, and dispatch starts from the previous one's indexes
/// when the declarations are the same. Whatever path it takes, the targets must be the ones indexes
/// built afresh give, in the same order (the bound on targets keeps the first ones).
/// </summary>
[Collection(ProjectCacheCollection.Name)]
public class DispatchReuseTests
{
    private static readonly Dictionary<string, string> Sources = new()
    {
        ["Contracts.cs"] = """
            using System.Collections;
            using System.Collections.Generic;

            public interface IFeature { void Run(string text); }
            public abstract class Step { public abstract string Apply(string text); public virtual void Log(string text) { } }
            public sealed class Bag : IEnumerable<string>
            {
                private readonly List<string> _items = new();
                public IEnumerator<string> GetEnumerator() => _items.GetEnumerator();
                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }
            """,
        ["Features.cs"] = """
            public sealed class First : IFeature { public void Run(string text) { var n = text.Length; } }
            public class Second : IFeature { public virtual void Run(string text) { } }
            public sealed class Third : Second { public override void Run(string text) { } }
            """,
        ["Steps.cs"] = """
            public sealed class Upper : Step { public override string Apply(string text) => text.ToUpperInvariant(); }
            public sealed class Lower : Step
            {
                public override string Apply(string text) => text.ToLowerInvariant();
                public override void Log(string text) { }
            }
            """,
        ["Caller.cs"] = """
            using System.Collections.Generic;

            public static class Caller
            {
                public static void Go(IFeature feature, Step step, IEnumerable<string> items)
                {
                    feature.Run(step.Apply("x"));
                    step.Log("y");
                    foreach (var item in items) { }
                }
            }
            """,
    };

    [Fact]
    public void An_edit_inside_a_body_takes_the_earlier_indexes_and_finds_the_same_targets()
    {
        var before = Compile(Sources);
        _ = AllTargets(before, Dispatch(before));
        var after = Edited(before, "Features.cs", "var n = text.Length;", "var n = text.Length + 1;");

        var reused = Dispatch(after);
        var targets = AllTargets(after, reused);

        Assert.Equal(Fingerprint(before), Fingerprint(after));
        Assert.True(reused.StartedFromEarlier);
        Assert.Equal(AllTargets(after, new DispatchTargets(after)), targets);
        // The comparison is not between empty answers: interfaces, overrides and a framework interface.
        Assert.Contains("IFeature.Run(string): First.Run(string), Second.Run(string), Third.Run(string)", targets);
        Assert.Contains("Step.Apply(string): Upper.Apply(string), Lower.Apply(string)", targets);
        Assert.Contains("System.Collections.Generic.IEnumerable<T>.GetEnumerator(): Bag.GetEnumerator()", targets);
    }

    [Fact]
    public void A_new_override_changes_the_declarations_and_is_found()
    {
        var before = Compile(Sources);
        _ = AllTargets(before, Dispatch(before));
        var after = Edited(before, "Steps.cs", "public override void Log(string text) { }",
            "public override void Log(string text) { }\n    }\n    public sealed class Middle : Step\n    {\n        public override string Apply(string text) => text;");

        var dispatch = Dispatch(after);
        var targets = AllTargets(after, dispatch);

        Assert.NotEqual(Fingerprint(before), Fingerprint(after));
        Assert.False(dispatch.StartedFromEarlier);
        Assert.Contains("Step.Apply(string): Upper.Apply(string), Lower.Apply(string), Middle.Apply(string)", targets);
    }

    [Fact]
    public void Trees_that_share_a_path_are_indexed_afresh()
    {
        var sources = Sources.ToDictionary(s => s.Key, s => s.Value);
        var before = CSharpCompilation.Create("Dispatch" + Guid.NewGuid().ToString("N"), sources.Values.Select(s => CSharpSyntaxTree.ParseText(s)),
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _ = AllTargets(before, Dispatch(before));
        var first = before.SyntaxTrees.First();
        var after = before.ReplaceSyntaxTree(first, first.WithChangedText(first.GetText().Replace(first.Length, 0, "\n// typed")));

        var dispatch = Dispatch(after);

        Assert.False(dispatch.StartedFromEarlier);
        Assert.Equal(AllTargets(after, new DispatchTargets(after)), AllTargets(after, dispatch));
    }

    /// <summary>Every dispatched method the caller calls, with its targets in order.</summary>
    private static List<string> AllTargets(Compilation compilation, DispatchTargets dispatch)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Caller.cs", StringComparison.Ordinal) || t.ToString().Contains("class Caller"));
        var model = compilation.GetSemanticModel(tree);
        var methods = tree.GetRoot().DescendantNodes().Select(n => model.GetSymbolInfo(n).Symbol).OfType<IMethodSymbol>()
            .Concat(new[] { GetEnumerator(compilation) })
            .Where(DispatchTargets.IsDispatched).Distinct<IMethodSymbol>(SymbolEqualityComparer.Default);
        return methods.Select(m => m.ContainingType.ToDisplayString() + "." + m.Name + "(" + string.Join(", ", m.Parameters.Select(p => p.Type.ToDisplayString())) + "): "
            + string.Join(", ", dispatch.Of(m, CancellationToken.None).Select(t => t.ContainingType.Name + "." + t.Name + "(" + string.Join(", ", t.Parameters.Select(p => p.Type.ToDisplayString())) + ")")))
            .ToList();
    }

    private static IMethodSymbol GetEnumerator(Compilation compilation) =>
        compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T).GetMembers("GetEnumerator").OfType<IMethodSymbol>().Single();

    private static DispatchTargets Dispatch(Compilation compilation) => new(compilation, _ => Fingerprint(compilation));

    private static long Fingerprint(Compilation compilation) =>
        DeclarationFingerprint.Of(compilation, ModelCatalog.Create(compilation, ModelTable.BuiltIn, null), CancellationToken.None);

    /// <summary>A project of its own name: the snapshots are kept per project, and tests run in parallel.</summary>
    private static CSharpCompilation Compile(Dictionary<string, string> sources) =>
        CSharpCompilation.Create("Dispatch" + Guid.NewGuid().ToString("N"), sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, path: "/src/" + s.Key)),
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static Compilation Edited(Compilation compilation, string file, string from, string to)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith(file, StringComparison.Ordinal));
        var text = tree.ToString();
        Assert.Contains(from, text);
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text.Replace(from, to), path: tree.FilePath));
    }
}
