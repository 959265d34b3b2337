using System.Linq;
using ExfilAnalyzers.Flow;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// The member index does not bind a mention where the name can only be a type (<see cref="TypePosition"/>):
/// it asks about fields, properties, events, methods and constructors only. Wherever the name could be a
/// member, or the type in a creation (a constructor call), the mention must still be bound.
/// </summary>
public class TypePositionTests
{
    private static bool HoldsTarget(string member)
    {
        var tree = CSharpSyntaxTree.ParseText($$"""
            using System;
            using System.Collections.Generic;

            class C
            {
            {{member}}
            }
            """);
        var mention = tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>().Single(name => name.Identifier.ValueText == "Target");
        return TypePosition.Holds(mention);
    }

    [Theory]
    [InlineData("void M() { Target local = null; }")]
    [InlineData("Target _field;")]
    [InlineData("void M(Target parameter) { }")]
    [InlineData("Target M() => null;")]
    [InlineData("Target P { get; set; }")]
    [InlineData("void M() { var list = new List<Target>(); }")]
    [InlineData("void M(object o) { var t = (Target)o; }")]
    [InlineData("Type M() => typeof(Target);")]
    [InlineData("object M() => default(Target);")]
    [InlineData("void M() { Target[] all = null; }")]
    [InlineData("void M() { Target.Inner nested = null; }")]
    [InlineData("void M() { try { } catch (Target e) { } }")]
    [InlineData("void M(object[] all) { foreach (Target t in all) { } }")]
    [InlineData("void M(object o) { if (o is Target t) { } }")]
    [InlineData("void M(object o) { if (o is Target { }) { } }")]
    [InlineData("void M() { N(out Target t); } void N(out object o) => o = null;")]
    [InlineData("void M<T>() where T : Target { }")]
    [InlineData("class D : Target { }")]
    public void A_name_that_can_only_be_a_type_is_not_bound(string member)
    {
        Assert.True(HoldsTarget(member));
    }

    [Theory]
    [InlineData("object M() => new Target();")]
    [InlineData("object M() => new global::Target();")]
    [InlineData("void M() { Target.Run(); }")]
    [InlineData("void M() { Target(); }")]
    [InlineData("void M() { Target = 1; }")]
    [InlineData("object M() => Target;")]
    [InlineData("string M() => nameof(Target);")]
    [InlineData("[Target] void M() { }")]
    [InlineData("bool M(object o) => o is Target;")]
    [InlineData("void M(int o) { switch (o) { case Target: break; } }")]
    [InlineData("class D(int x) : Target(x) { }")]
    public void A_name_that_may_be_a_member_or_a_constructor_call_is_bound(string member)
    {
        Assert.False(HoldsTarget(member));
    }
}
