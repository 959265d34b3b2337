using System.Linq;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// The state's map is shared between clones until one writes, and an assignment scans it for the paths
/// under the place assigned only when a path with that root may exist. These check what any assignment,
/// copy and join must give whichever way the state got there.
/// </summary>
public class FlowStateTests
{
    private static readonly TaintValue Name = TaintValue.FromSource(TaintLabel.SymbolName, "ISymbol.Name", Location.None);

    [Fact]
    public void Assigning_an_object_drops_what_was_put_into_it_and_only_that()
    {
        // Enough roots that some share a bit of the filter, and a root with no path of its own.
        var roots = Enumerable.Range(0, 200).Select(_ => Place.ForCapture(new object())).ToArray();
        var state = new FlowState();
        foreach (var root in roots) state.JoinInto(root.ContentsPlace, Name);

        var bare = Place.ForCapture(new object());
        state.Set(bare, Name);
        state.Set(bare, TaintValue.Clean);
        state.Set(roots[7], TaintValue.Clean);

        Assert.True(state.Get(roots[7].ContentsPlace).IsClean);
        Assert.True(state.Get(bare).IsClean);
        Assert.All(roots.Where((_, i) => i != 7), root => Assert.False(state.Get(root.ContentsPlace).IsClean));
    }

    [Fact]
    public void A_clone_drops_the_paths_it_shares_without_touching_the_original()
    {
        var list = Place.ForCapture(new object());
        var original = new FlowState();
        original.JoinInto(list.ContentsPlace, Name);

        var clone = original.Clone();
        clone.Set(list, TaintValue.Clean);

        Assert.True(clone.Get(list.ContentsPlace).IsClean);
        Assert.False(original.Get(list.ContentsPlace).IsClean);
    }

    [Fact]
    public void A_path_joined_in_from_another_state_is_dropped_with_its_object()
    {
        var list = Place.ForCapture(new object());
        var filled = new FlowState();
        filled.JoinInto(list.ContentsPlace, Name);
        var empty = new FlowState();

        Assert.True(empty.JoinWith(filled));
        Assert.False(empty.Get(list.ContentsPlace).IsClean);

        empty.Set(list, TaintValue.Clean);
        Assert.True(empty.Get(list.ContentsPlace).IsClean);
    }

    [Fact]
    public void Copying_an_object_copies_what_was_put_into_it()
    {
        var from = Place.ForCapture(new object());
        var to = Place.ForCapture(new object());
        var plain = Place.ForCapture(new object());
        var state = new FlowState();
        state.JoinInto(from.ContentsPlace, Name);

        state.Copy(from, to, state.Get(from));
        state.Copy(plain, from, TaintValue.Clean);

        Assert.False(state.Get(to.ContentsPlace).IsClean);
        Assert.True(state.Get(from.ContentsPlace).IsClean);
    }

    [Fact]
    public void Joining_a_clone_nobody_wrote_to_changes_nothing_and_a_written_one_does()
    {
        var list = Place.ForCapture(new object());
        var state = new FlowState();
        state.JoinInto(list.ContentsPlace, Name);

        Assert.False(state.JoinWith(state.Clone()));

        var other = new FlowState();
        var written = other.Clone();
        written.Set(list, Name);
        Assert.True(other.JoinWith(written));
        Assert.False(other.Get(list).IsClean);
    }
}
