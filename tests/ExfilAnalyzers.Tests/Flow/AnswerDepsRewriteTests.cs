using System.Collections.Generic;
using ExfilAnalyzers.Flow;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// Rewriting what an answer was computed from after early cutoff: each record that reaches an edited
/// member's old summary record is copied with the new one in its place, however deep; a record that
/// reaches none is kept as it is; a record shared by several answers is copied once.
/// </summary>
public class AnswerDepsRewriteTests
{
    [Fact]
    public void A_record_deep_below_is_replaced_and_what_reaches_it_is_copied()
    {
        var old = Record("Tag");
        var fresh = Record("Tag");
        var label = Record("Label", old);
        var untouched = Record("Other", Record("Leaf"));
        var report = Record("Report", untouched, label);
        var map = new Dictionary<AnswerDeps, AnswerDeps> { [old] = fresh };

        var rewritten = AnswerDeps.Rewrite(report, map);

        Assert.NotSame(report, rewritten);
        Assert.Same(report.Bodies, rewritten.Bodies);
        Assert.Same(untouched, rewritten.Used[0]);
        var newLabel = rewritten.Used[1];
        Assert.NotSame(label, newLabel);
        Assert.Same(fresh, Assert.Single(newLabel.Used));
        Assert.Same(newLabel, AnswerDeps.Rewrite(Record("Second", label), map).Used[0]);
    }

    [Fact]
    public void A_record_that_reaches_no_replaced_record_is_kept()
    {
        var report = Record("Report", Record("Label", Record("Tag")));

        Assert.Same(report, AnswerDeps.Rewrite(report, new Dictionary<AnswerDeps, AnswerDeps> { [Record("Elsewhere")] = Record("Elsewhere") }));
    }

    private static AnswerDeps Record(string member, params AnswerDeps[] used)
    {
        var record = new AnswerDeps();
        record.ReadsBody(new BodyKey("/src/File.cs", member, 0));
        foreach (var each in used) record.Uses(each);
        return record;
    }
}
