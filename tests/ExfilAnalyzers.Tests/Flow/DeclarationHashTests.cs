using System.Threading;
using ExfilAnalyzers.Flow;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// A tree's declaration hash decides whether what was learnt by binding other files still holds after
/// an edit (DeclarationFingerprint): it must move with anything other files bind against, and stay
/// put for edits inside bodies, the usual keystroke.
/// </summary>
public class DeclarationHashTests
{
    private const string Original = """
        class Service
        {
            private const int Limit = 3;
            private int _count = 1;
            public string Name { get; } = "service";
            public int Run(string text) { return text.Length; }
            public int Twice => _count * 2;
        }
        """;

    [Theory]
    [InlineData("return text.Length;", "var n = text.Length; return n + 1;")]
    [InlineData("private int _count = 1;", "private int _count = 42;")]
    [InlineData("= \"service\";", "= \"renamed\";")]
    [InlineData("=> _count * 2;", "=> _count * 3;")]
    public void An_edit_inside_a_body_or_a_variable_initializer_keeps_the_hash(string from, string to) =>
        Assert.Equal(HashOf(Original), HashOf(Edit(from, to)));

    [Theory]
    [InlineData("public int Run(string text)", "public int Run(object text)")]
    [InlineData("public int Run(string text)", "public long Run(string text)")]
    [InlineData("private const int Limit = 3;", "private const int Limit = 300;")]
    [InlineData("class Service", "class Service : System.IDisposable")]
    [InlineData("public string Name { get; }", "internal string Name { get; }")]
    [InlineData("public int Twice", "public int Thrice")]
    public void An_edit_to_what_other_files_bind_against_changes_the_hash(string from, string to) =>
        Assert.NotEqual(HashOf(Original), HashOf(Edit(from, to)));

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, Original);
        return Original.Replace(from, to);
    }

    private static long HashOf(string text) => TreeIndex.For(CSharpSyntaxTree.ParseText(text), CancellationToken.None).DeclarationHash;
}
