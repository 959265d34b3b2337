using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// What the tree index says of a primary constructor (docs/design.md, "Fields and properties"): its parameter list
/// is a member of the type's name that runs no code and writes the parameters that can hold text, and its base
/// call's arguments are its code, which call the base type's constructor.
/// </summary>
public class PrimaryConstructorIndexTests
{
    private const string Code = """
        using System.Collections.Generic;

        class Base { public Base(string text) { } }

        class Reporter(string name, ILogger logger, int count, List<string> items, char[] buffer, Options options = null) : Base(Describe(name))
        {
            static string Describe(string text) => text;
        }

        interface ILogger { }

        class Options { }
        """;

    [Fact]
    public void The_parameter_list_mentions_nothing_and_writes_the_parameters_that_can_hold_text()
    {
        var members = TreeIndex.For(CSharpSyntaxTree.ParseText(Code), CancellationToken.None).Members;
        var parameters = members.First(m => m.Name == "Reporter");

        Assert.Empty(parameters.Mentions);
        Assert.Equal(new[] { "name", "items", "buffer" }, parameters.Captures);
        Assert.Equal(new[] { "buffer", "items", "name" }, parameters.Writes.OrderBy(w => w, System.StringComparer.Ordinal));
        Assert.False(parameters.IsState);
    }

    [Fact]
    public void The_base_calls_arguments_are_code_that_calls_the_base_constructor()
    {
        var members = TreeIndex.For(CSharpSyntaxTree.ParseText(Code), CancellationToken.None).Members;
        var code = members.Where(m => m.Name == "Reporter").ToList();

        Assert.Equal(2, code.Count);
        Assert.Equal(new[] { "Base", "Describe", "name" }, code[1].Mentions.OrderBy(m => m, System.StringComparer.Ordinal));
        Assert.Empty(code[1].Captures);
    }
}
