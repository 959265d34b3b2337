using System.Collections.Generic;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Immediate post-dominators of a control-flow graph (Cooper, Harvey and Kennedy's iterative algorithm on
/// the reversed graph). A block that ends the method another way (throw) is treated as reaching the exit.
/// Used for keyword triggers: what follows a content test at its immediate post-dominator runs
/// whichever way the test went, so the trigger ends there.
/// </summary>
internal sealed class PostDominators
{
    private readonly int[] _immediate;

    private PostDominators(int[] immediate) => _immediate = immediate;

    /// <summary>The immediate post-dominator of a block, or -1 for the exit and blocks that cannot reach it.</summary>
    public int ImmediateOf(int ordinal) => _immediate[ordinal];

    public static PostDominators Compute(ControlFlowGraph graph)
    {
        var blocks = graph.Blocks;
        var count = blocks.Length;
        var exit = count - 1;
        var successors = new List<int>[count];
        var predecessorsInReverse = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            successors[i] = new List<int>(2);
            predecessorsInReverse[i] = new List<int>(2);
        }

        for (var i = 0; i < count; i++)
        {
            var block = blocks[i];
            if (block.ConditionalSuccessor?.Destination is { } conditional) successors[i].Add(conditional.Ordinal);
            if (block.FallThroughSuccessor?.Destination is { } fallThrough && !successors[i].Contains(fallThrough.Ordinal)) successors[i].Add(fallThrough.Ordinal);
            if (successors[i].Count == 0 && i != exit) successors[i].Add(exit);
            foreach (var successor in successors[i])
            {
                predecessorsInReverse[successor].Add(i);
            }
        }

        // Postorder of the reversed graph from the exit: a block's number is higher than its reverse successors'.
        var order = new int[count];
        var postorder = new List<int>(count);
        var visited = new bool[count];
        var stack = new Stack<(int Node, int Next)>();
        stack.Push((exit, 0));
        visited[exit] = true;
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var reverseSuccessors = predecessorsInReverse[node];
            if (next < reverseSuccessors.Count)
            {
                stack.Push((node, next + 1));
                var child = reverseSuccessors[next];
                if (!visited[child])
                {
                    visited[child] = true;
                    stack.Push((child, 0));
                }
            }
            else
            {
                order[node] = postorder.Count;
                postorder.Add(node);
            }
        }

        var immediate = new int[count];
        for (var i = 0; i < count; i++) immediate[i] = -1;
        immediate[exit] = exit;
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var k = postorder.Count - 2; k >= 0; k--)
            {
                var node = postorder[k];
                var candidate = -1;
                foreach (var successor in successors[node])
                {
                    if (immediate[successor] == -1) continue;
                    candidate = candidate == -1 ? successor : Intersect(successor, candidate, immediate, order);
                }

                if (candidate != -1 && immediate[node] != candidate)
                {
                    immediate[node] = candidate;
                    changed = true;
                }
            }
        }

        immediate[exit] = -1;
        return new PostDominators(immediate);
    }

    private static int Intersect(int a, int b, int[] immediate, int[] order)
    {
        while (a != b)
        {
            while (order[a] < order[b]) a = immediate[a];
            while (order[b] < order[a]) b = immediate[b];
        }

        return a;
    }
}
