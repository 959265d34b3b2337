using System.Linq;
using ExfilAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// The names an edit inside a method may have changed the mentions of (<see cref="EditedNames"/>): those
/// of the statements it touched, and every name the method mentions (null) as soon as the change can
/// move what code elsewhere in the method means. A name left out wrongly is a value carried to the next
/// compilation that the edit changed: a missed leak in the IDE.
/// </summary>
public class EditedNamesTests
{
    private const string Before = """
        using System.Collections.Generic;
        using System.Linq;

        class C
        {
            void M(Source source, List<Item> items, object shape)
            {
                Sink.Send(source.Name);
                Other.Call(source.Length);
                var local = Factory.Make();
                local.Write(source.Path);
                var names = items.Select(item => { return item.Label; }).ToList();
                Audit.Log(names);
                foreach (var each in items) each.Touch();
                if (shape is Circle round) round.Roll();
            }
        }
        """;

    [Fact]
    public void A_changed_argument_names_its_statement_only()
    {
        var names = Edit("Sink.Send(source.Name);", "Sink.Send(source.Kind);");

        Assert.NotNull(names);
        Assert.Equal(new[] { "Kind", "Name", "Send", "Sink", "source" }, names!.OrderBy(n => n, System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_new_local_no_other_code_names_is_the_only_name()
    {
        var names = Edit("Sink.Send(source.Name);", "int fresh = 1;\n        Sink.Send(source.Name);");

        Assert.Equal(new[] { "fresh" }, names!.ToArray());
    }

    [Fact]
    public void A_deleted_statement_names_what_it_named()
    {
        var names = Edit("Other.Call(source.Length);", "");

        Assert.Equal(new[] { "Call", "Length", "Other", "source" }, names!.OrderBy(n => n, System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_comment_changed_names_nothing_but_the_statements_beside_it()
    {
        var names = Edit("Other.Call(source.Length);", "Other.Call(source.Length); // checked");

        Assert.DoesNotContain("Label", names!);
        Assert.DoesNotContain("Roll", names!);
    }

    [Theory]
    [InlineData("var local = Factory.Make();", "var local = Factory.Build();")]
    [InlineData("foreach (var each in items) each.Touch();", "foreach (var each in items.Skip(1)) each.Touch();")]
    [InlineData("if (shape is Circle round) round.Roll();", "if (shape is Square round) round.Roll();")]
    [InlineData("Sink.Send(source.Name);", "{ Sink.Send(source.Name);")]
    [InlineData("Sink.Send(source.Name);", "/* Sink.Send(source.Name);")]
    public void A_change_that_can_move_what_other_code_means_names_everything(string text, string replacement)
    {
        var names = Edit(text, replacement);

        // Null says "every name the method mentions"; a set may also hold every name of its body (its declaration cannot change here).
        if (names is not null)
        {
            var everything = ((MethodDeclarationSyntax)Member(Before)).Body!.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText);
            Assert.Empty(everything.Except(names));
        }
    }

    [Fact]
    public void A_change_inside_a_lambda_names_the_whole_statement_around_it()
    {
        var names = Edit("return item.Label;", "return item.Label.Length;");

        // The lambda's return type is the query's element type, and names' type with it: but names is used
        // below, so everything is named.
        Assert.Null(names);
    }

    [Fact]
    public void A_change_around_a_lambda_names_the_lambda_body()
    {
        var names = Edit("items.Select(item => { return item.Label; }).ToList();", "items.Where(item => { return item.Label != null; }).Select(item => item.Label).ToList();");

        Assert.Null(names);
    }

    [Fact]
    public void An_expression_body_names_everything()
    {
        var before = Member("class C { string M(Source s) => s.Name; }");
        var after = Member("class C { string M(Source s) => s.Kind; }");

        Assert.Null(EditedNames.Of(before, after));
    }

    /// <summary>A lambda whose result feeds no local: only its statement's names.</summary>
    [Fact]
    public void A_change_inside_a_lambda_passed_on_names_its_statement()
    {
        var before = Member("class C { void M(List<Item> items) { Audit.Log(items.Select(item => { return item.Label; })); Other.Call(1); } }");
        var after = Member("class C { void M(List<Item> items) { Audit.Log(items.Select(item => { return item.Title; })); Other.Call(1); } }");

        var names = EditedNames.Of(before, after);

        Assert.NotNull(names);
        Assert.Contains("Log", names!);
        Assert.Contains("Select", names!);
        Assert.Contains("Title", names!);
        Assert.Contains("Label", names!);
        Assert.DoesNotContain("Call", names!);
    }

    private static System.Collections.Generic.HashSet<string>? Edit(string text, string replacement)
    {
        Assert.Contains(text, Before);
        return EditedNames.Of(Member(Before), Member(Before.Replace(text, replacement)));
    }

    private static SyntaxNode Member(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
}
