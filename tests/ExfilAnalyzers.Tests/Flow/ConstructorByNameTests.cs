using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// A creation's constructor told from its type's name (<see cref="ConstructorByName"/>): only where nothing else
/// can be meant; everywhere else the mention is left to binding, which these tests compare against.
/// </summary>
public class ConstructorByNameTests
{
    private const string Library = """
        namespace Lib
        {
            public class Stored
            {
                public Stored(string text) => Text = text;

                public string Text { get; }
            }

            public class Box
            {
                public Box(string text) { }
            }

            public class Outer
            {
                public class Inner
                {
                    public Inner(string text) { }
                }
            }

            public class Pair
            {
                public Pair(string text) { }

                public Pair(string text, int count) { }
            }

            public class Timer
            {
                public Timer(System.Threading.TimerCallback callback, string state, int due, int period) { }
            }

            public class Generic<T>
            {
                public Generic(T value) { }
            }

            public class Generic
            {
                public Generic(string text) { }
            }
        }

        namespace Other
        {
            public class Twin
            {
                public Twin(string text) { }
            }
        }

        namespace Lib
        {
            public class Twin
            {
                public Twin(string text) { }
            }
        }
        """;

    [Theory]
    [InlineData("using Lib;", "new Stored(\"a\")", "Lib.Stored")]
    [InlineData("", "new Lib.Stored(\"a\")", "Lib.Stored")]
    [InlineData("", "new global::Lib.Stored(\"a\")", "Lib.Stored")]
    [InlineData("", "new Lib.Outer.Inner(\"a\")", "Lib.Outer.Inner")]
    [InlineData("using Lib;", "new Generic<int>(1)", "Lib.Generic<T>")]
    [InlineData("using Lib;", "new Generic(\"a\")", "Lib.Generic")]
    public void A_name_only_one_constructor_can_answer_to_is_told_without_binding(string usings, string creation, string type)
    {
        var (compilation, mention) = Creation(usings, creation);

        var constructor = new ConstructorByName(compilation).Of(mention, CancellationToken.None);

        Assert.NotNull(constructor);
        Assert.Equal(type, constructor!.ContainingType.ToDisplayString());
        Assert.Equal(Bound(compilation, mention), constructor);
    }

    [Theory]
    // Binding tells which of two constructors is called.
    [InlineData("using Lib;", "new Pair(\"a\", 1)")]
    // Two types of the name in the code.
    [InlineData("using Lib;", "new Twin(\"a\")")]
    // A referenced assembly has a type of the name (System.Threading.Timer): the file may mean that one.
    [InlineData("using System.Threading;", "new Timer(_ => { }, \"a\", 0, 0)")]
    // An alias takes the name, or qualifies it.
    [InlineData("using Stored = Lib.Box;", "new Stored(\"a\")")]
    [InlineData("using L = Lib;", "new L.Stored(\"a\")")]
    public void A_name_that_may_mean_another_constructor_is_left_to_binding(string usings, string creation)
    {
        var (compilation, mention) = Creation(usings, creation);

        Assert.Null(new ConstructorByName(compilation).Of(mention, CancellationToken.None));
    }

    [Fact]
    public void A_global_alias_in_another_file_takes_the_name()
    {
        var (compilation, mention) = Creation("", "new Stored(\"a\")", ("Aliases.cs", "global using Stored = Lib.Box;"));

        Assert.Equal("Lib.Box", Bound(compilation, mention)?.ContainingType.ToDisplayString());
        Assert.Null(new ConstructorByName(compilation).Of(mention, CancellationToken.None));
    }

    [Fact]
    public void A_type_parameter_of_the_name_takes_it()
    {
        var compilation = EditedProject.Compile("ConstructorByNameParameter", new[]
        {
            ("Library.cs", Library),
            ("Factory.cs", "class Factory<Stored> where Stored : new() { public object Make() => new Stored(); }"),
        });
        var mention = Mentions(compilation, "Factory.cs", "Stored").Last();

        Assert.Null(new ConstructorByName(compilation).Of(mention, CancellationToken.None));
    }

    [Fact]
    public void The_member_index_takes_a_creation_its_name_tells_as_a_call()
    {
        // Host lacks `using Lib;`, as a file being typed may: bound, the creation names no type, so only the name
        // says it calls Lib.Stored's constructor (which is what the index asks, without binding Make).
        var host = "namespace App { class Host { public object Make() => new Stored(\"a\"); } }";
        var compilation = CSharpCompilation.Create("ConstructorByNameIndex", new[] { CSharpSyntaxTree.ParseText(Library), CSharpSyntaxTree.ParseText(host) },
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var constructor = compilation.GetTypeByMetadataName("Lib.Stored")!.InstanceConstructors.Single();
        var engine = new FlowContext(compilation, ModelCatalog.Create(compilation, ModelTable.BuiltIn, null), null);

        var callers = engine.Members.Ask(constructor, MemberIndex.Question.Mentioning, new AnswerDeps(), CancellationToken.None);

        Assert.Equal(new[] { "Make" }, callers.Select(c => c.Name));
    }

    private static (Compilation Compilation, SimpleNameSyntax Mention) Creation(string usings, string creation, params (string Path, string Text)[] more)
    {
        var files = new[] { ("Library.cs", Library), ("Host.cs", usings + "\nnamespace App { class Host { public object Make() => " + creation + "; } }") };
        var compilation = EditedProject.Compile("ConstructorByName", files.Concat(more));
        var created = compilation.SyntaxTrees.Single(t => t.FilePath == "Host.cs").GetRoot().DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Single();
        var mention = created.Type switch
        {
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax alias => alias.Name,
            _ => (SimpleNameSyntax)created.Type,
        };
        return (compilation, mention);
    }

    private static IMethodSymbol? Bound(Compilation compilation, SimpleNameSyntax mention) =>
        compilation.GetSemanticModel(mention.SyntaxTree).GetSymbolInfo(ConstructorMention.Bound(mention)).Symbol?.OriginalDefinition as IMethodSymbol;

    private static SimpleNameSyntax[] Mentions(Compilation compilation, string path, string name) =>
        compilation.SyntaxTrees.Single(t => t.FilePath == path).GetRoot().DescendantNodes().OfType<SimpleNameSyntax>()
            .Where(n => n.Identifier.ValueText == name).ToArray();
}
