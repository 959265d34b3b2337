using System.Threading;
using ExfilAnalyzers.Flow;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// Whether an edit touches an answer's record: the record itself, or any record below it, read an edited
/// body. Each walk remembers what it found on the records themselves, so two edits walking the same records
/// (the carry's edit and early cutoff's presuming one, or two compilations at once) must each keep their own answers.
/// </summary>
public class EditedCodeTouchesTests
{
    private const string Path = "/src/Service.cs";

    [Fact]
    public void Two_edits_walking_the_same_records_each_answer_for_themselves()
    {
        var readsA = Reads("A");
        var readsB = Reads("B");
        var middle = Uses(Reads("C"), readsA);
        var root = Uses(middle, Uses(readsB));
        var editOfA = EditOf("A");
        var editOfB = EditOf("B");

        Assert.True(editOfA.Touches(root));
        Assert.True(editOfB.Touches(root));
        Assert.True(editOfA.Touches(middle));
        Assert.False(editOfB.Touches(middle));
        Assert.True(editOfA.Touches(root));
        Assert.False(EditOf("C").Touches(Uses(readsB)));
    }

    [Fact]
    public void A_record_shared_below_answers_the_same_on_every_path()
    {
        var shared = Uses(Reads("A"));
        var first = Uses(Reads("C"), shared);
        var second = Uses(Uses(shared), Reads("C"));
        var edit = EditOf("A");

        Assert.True(edit.Touches(first));
        Assert.True(edit.Touches(second));
        Assert.False(EditOf("B").Touches(second));
    }

    [Fact]
    public void A_chain_deeper_than_any_stack_is_walked()
    {
        var record = Reads("A");
        for (var depth = 0; depth < 100_000; depth++) record = Uses(record);

        Assert.True(EditOf("A").Touches(record));
        Assert.False(EditOf("B").Touches(record));
    }

    [Fact]
    public void Keys_made_apart_are_equal_and_hash_alike_and_any_part_tells_them_apart()
    {
        var key = new BodyKey(Path, "Send", 1);
        var same = new BodyKey(new string(Path.ToCharArray()), new string("Send".ToCharArray()), 1);

        Assert.Equal(key, same);
        Assert.Equal(key.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(key, new BodyKey(Path, "Send", 0));
        Assert.NotEqual(key, new BodyKey(Path, "Sent", 1));
        Assert.NotEqual(key, new BodyKey("/src/Other.cs", "Send", 1));
        Assert.NotEqual(BodyKey.FileOf(Path), new BodyKey(Path, "", BodyKey.WholeFile));

        var comparer = CarriedKeyComparer.Instance;
        Assert.True(comparer.Equals((key, "Send", 2), (same, new string("Send".ToCharArray()), 2)));
        Assert.Equal(comparer.GetHashCode((key, "Send", 2)), comparer.GetHashCode((same, "Send", 2)));
        Assert.False(comparer.Equals((key, "first", 2), (key, "second", 2)));
        Assert.False(comparer.Equals((key, "Send", 2), (key, "Send", 3)));
        Assert.False(comparer.Equals((key, "Send"), (new BodyKey(Path, "Send", 0), "Send")));
    }

    /// <summary>The edit that changes the body of one of the service's methods A, B and C.</summary>
    private static EditedCode EditOf(string method)
    {
        const string Text = "class Service { void A() { } void B() { } void C() { } }";
        var before = CSharpSyntaxTree.ParseText(Text, path: Path);
        var after = CSharpSyntaxTree.ParseText(Text.Replace($"void {method}() {{ }}", $"void {method}() {{ int typed = 1; }}"), path: Path);
        var edited = new EditedCode();
        Assert.True(edited.Add(before, after, CancellationToken.None));
        Assert.True(edited.Edited(new BodyKey(Path, method, 0)));
        return edited;
    }

    private static AnswerDeps Reads(string method)
    {
        var record = new AnswerDeps();
        record.ReadsBody(new BodyKey(Path, method, 0));
        return record;
    }

    private static AnswerDeps Uses(params AnswerDeps[] used)
    {
        var record = new AnswerDeps();
        foreach (var each in used) record.Uses(each);
        return record;
    }
}
