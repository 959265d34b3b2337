using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.Flow;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// A simple name that surely denotes the member's own local or parameter is no mention of the field of
/// that name (<see cref="LocalScopes"/>); wherever the syntax leaves a doubt, the mention is kept.
/// </summary>
public class LocalScopesTests
{
    /// <summary>Whether the member named <paramref name="member"/> mentions <c>value</c> by the tree index.</summary>
    private static bool MentionsValue(string body, string member = "M")
    {
        var tree = CSharpSyntaxTree.ParseText($$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            class Holder { public string value = ""; public IEnumerable<(string, string)> Pairs = new List<(string, string)>(); }

            class C
            {
                private string value = "";
                private int limit;

            {{body}}
            }
            """);
        var declared = TreeIndex.For(tree, CancellationToken.None).Members.Single(m => m.Name == member);
        return declared.Mentions.Contains("value");
    }

    [Theory]
    [InlineData("void M(string value) { Console.WriteLine(value); }")]
    [InlineData("void M(string value) => Console.WriteLine(value.Length);")]
    [InlineData("string M { get => \"\"; set => Console.WriteLine(value); }")]
    [InlineData("void M() { var value = \"\"; Console.WriteLine(value); }")]
    [InlineData("void M() { Console.WriteLine(value); string value = \"\"; }")]
    [InlineData("void M() { foreach (var value in new[] { \"\" }) Console.WriteLine(value); }")]
    [InlineData("void M() { for (var value = 0; value < 3; value++) { } }")]
    [InlineData("void M() { try { } catch (Exception value) { Console.WriteLine(value); } }")]
    [InlineData("void M(object o) { if (o is string value) Console.WriteLine(value); }")]
    [InlineData("void M(object o) => Console.WriteLine(o is string value ? value : \"\");")]
    [InlineData("void M() { Func<string, int> f = value => value.Length; }")]
    [InlineData("void M() { Func<string, int> f = (string value) => value.Length; }")]
    [InlineData("void M() { int value() => 1; Console.WriteLine(value()); }")]
    [InlineData("void M() { switch (limit) { case 1: var value = \"\"; Console.WriteLine(value); break; } }")]
    public void A_local_or_parameter_is_no_mention_of_the_field(string member)
    {
        Assert.False(MentionsValue(member));
    }

    [Theory]
    [InlineData("void M() { Console.WriteLine(value); }")]
    [InlineData("void M(string value) { Console.WriteLine(this.value); }")]
    [InlineData("void M(Holder value) { Console.WriteLine(new Holder().value); }")]
    [InlineData("string M { get => value; set { } }")]
    [InlineData("void M(string value) { var h = new Holder { value = \"\" }; }")]
    [InlineData("void M(object o, string value) { if (o is Holder { value: \"\" }) { } }")]
    [InlineData("void M() { { var value = \"\"; } Console.WriteLine(value); }")]
    [InlineData("void M() { Func<string, int> f = value => value.Length; Console.WriteLine(value); }")]
    [InlineData("void M(object o) { if (o is string value) { } Console.WriteLine(value); }")]
    [InlineData("void M() { for (var i = value.Length; i < 3; i = limit is int value ? value : 0) { } }")]
    [InlineData("void M() { foreach (var (value, _) in new Holder().Pairs) { } foreach (var (k, v) in value.Select(c => (c, c))) { } }")]
    [InlineData("void M() { foreach (var (value, k) in value.Select(c => (c, c))) { } }")]
    public void A_name_that_may_be_the_field_is_a_mention(string member)
    {
        Assert.True(MentionsValue(member));
    }

    [Fact]
    public void The_collection_of_a_foreach_is_outside_its_variable()
    {
        // foreach (var value in value): the collection is the field, the loop body the variable.
        Assert.True(MentionsValue("void M() { foreach (var value in value) Console.WriteLine(value); }"));
    }

    /// <summary>
    /// The field holds a symbol's name, and the sender also has a parameter of that name in another member
    /// and a local of that name in a sibling block: the field's read is still found, and the locals are
    /// not taken for it (the clean parameter is sent without a report).
    /// </summary>
    [Fact]
    public Task A_field_read_beside_locals_of_its_name_is_still_followed()
    {
        return VerifyAsync("""
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            sealed class Recorder
            {
                private static readonly TelemetryClient Client = new();
                private string name = "";

                public void Remember(ISymbol symbol) => name = symbol.Name;

                public void Send(string name) => Client.TrackEvent(name);

                public void Flush()
                {
                    {
                        var name = "local";
                        Client.TrackEvent(name);
                    }

                    Client.TrackEvent({|EXF1002:name|});
                }
            }
            """);
    }
}
