using System;
using System.Collections.Generic;
using System.Linq;
using ExfilAnalyzers.Flow;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// The flow engine visits blocks lowest ordinal first, each pending block once however often it was
/// added (<see cref="BlockWorklist"/>); a loop's back edge adds a block below the ones still pending.
/// </summary>
public class BlockWorklistTests
{
    [Fact]
    public void Gives_the_lowest_pending_block_first_and_each_once()
    {
        var worklist = new BlockWorklist(200);
        foreach (var block in new[] { 130, 5, 64, 63, 5, 199, 0, 130 })
        {
            worklist.Add(block);
        }

        Assert.Equal(6, worklist.Count);
        Assert.Equal(new[] { 0, 5, 63, 64, 130, 199 }, Drain(worklist));
        Assert.Equal(0, worklist.Count);
    }

    [Fact]
    public void A_block_added_below_the_ones_pending_comes_next()
    {
        var worklist = new BlockWorklist(150);
        worklist.Add(70);
        worklist.Add(140);
        Assert.Equal(70, worklist.RemoveMin());

        // A back edge: the loop head, in an earlier word than the pending block.
        worklist.Add(3);
        Assert.Equal(3, worklist.RemoveMin());
        worklist.Add(70);
        Assert.Equal(new[] { 70, 140 }, Drain(worklist));
    }

    [Fact]
    public void Matches_a_sorted_set_under_random_use()
    {
        var random = new Random(20261207);
        for (var round = 0; round < 50; round++)
        {
            var blocks = random.Next(1, 300);
            var worklist = new BlockWorklist(blocks);
            var expected = new SortedSet<int>();
            for (var step = 0; step < 1000; step++)
            {
                if (expected.Count > 0 && random.Next(3) == 0)
                {
                    var min = expected.Min;
                    expected.Remove(min);
                    Assert.Equal(min, worklist.RemoveMin());
                }
                else
                {
                    var block = random.Next(blocks);
                    expected.Add(block);
                    worklist.Add(block);
                }

                Assert.Equal(expected.Count, worklist.Count);
            }

            Assert.Equal(expected.ToArray(), Drain(worklist));
        }
    }

    private static int[] Drain(BlockWorklist worklist)
    {
        var order = new List<int>();
        while (worklist.Count > 0)
        {
            order.Add(worklist.RemoveMin());
        }

        return order.ToArray();
    }
}
