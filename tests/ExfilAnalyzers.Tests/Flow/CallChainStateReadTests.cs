using System;
using System.Collections.Generic;
using System.Linq;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// What a frame of a computation read (<see cref="CallChain.StateRead"/>, asked as its computation
/// ends) is the level-dependent state read in it and in every call below it, each once, in the order
/// first read there, or level-bound past <see cref="StateReads.MaxFields"/>, also through the cached
/// summaries it used. The random test holds the chain to a plain set per frame.
/// </summary>
public class CallChainStateReadTests
{
    private static readonly IReadOnlyList<ISymbol> Fields = MakeFields(StateReads.MaxFields + 40);

    [Fact]
    public void A_frame_read_what_it_and_its_calls_read_each_once_in_first_order()
    {
        var root = CallChain.Start(Fields[0]);
        root.MarkReadsState(Fields[3]);
        var callee = root.Enter(Fields[1]);
        callee.MarkReadsState(Fields[5]);
        callee.MarkReadsState(Fields[3]);
        callee.MarkReadsState(Fields[5]);
        Assert.Equal(new[] { Fields[5], Fields[3] }, callee.StateRead.Fields);

        var next = root.Enter(Fields[2]);
        next.MarkReadsState(Fields[5]);
        Assert.Equal(new[] { Fields[5] }, next.StateRead.Fields);
        root.MarkReadsState(Fields[7]);

        Assert.Equal(new[] { Fields[3], Fields[5], Fields[7] }, root.StateRead.Fields);
    }

    [Fact]
    public void State_read_in_two_calls_counts_once_above_them()
    {
        var root = CallChain.Start(Fields[0]);
        root.Enter(Fields[1]).MarkReadsState(Fields[4]);
        root.Enter(Fields[2]).MarkReadsState(Fields[4]);

        Assert.Equal(new[] { Fields[4] }, root.StateRead.Fields);
    }

    [Fact]
    public void Matches_a_set_per_frame_under_random_computations()
    {
        var random = new Random(20261207);
        var completed = new List<StateReads>();
        for (var round = 0; round < 40; round++)
        {
            // One round in four reads widely, past the bound on what a frame remembers.
            var root = new Frame(CallChain.Start(Fields[0]), null);
            Run(root, random, depth: 0, wide: round % 4 == 0, completed);
            completed.Add(Complete(root));
        }

        Assert.Contains(completed, reads => reads.IsLevelBound);
        Assert.Contains(completed, reads => reads.Fields.Length > 20);
    }

    private static void Run(Frame frame, Random random, int depth, bool wide, List<StateReads> completed)
    {
        var steps = depth == 0 ? (wide ? 600 : 60) : random.Next(1, 12);
        for (var step = 0; step < steps; step++)
        {
            var choice = random.Next(10);
            if (choice < 6)
            {
                // Most computations read a few pieces of state often; some read many.
                var field = Fields[wide || random.Next(4) == 0 ? random.Next(Fields.Count) : random.Next(12)];
                frame.Chain.MarkReadsState(field);
                frame.Read(field);
            }
            else if (choice < 8 && completed.Count > 0)
            {
                // A cached summary used here: what it read, this frame reads too.
                var reads = completed[random.Next(completed.Count)];
                frame.Chain.MarkReadsState(reads);
                frame.Read(reads);
            }
            else if (depth < 5)
            {
                // A callee computed here, sometimes with a cycle's round beside it.
                var callee = new Frame(frame.Chain.Enter(Fields[1]), frame);
                Run(callee, random, depth + 1, wide: false, completed);
                completed.Add(Complete(callee));
                if (random.Next(4) == 0)
                {
                    var round = new Frame(callee.Chain.Beside(Fields[2]), frame);
                    Run(round, random, depth + 1, wide: false, completed);
                    completed.Add(Complete(round));
                }
            }
        }
    }

    private static StateReads Complete(Frame frame)
    {
        var actual = frame.Chain.StateRead;
        AssertSame(frame.Expected(), actual);
        return actual;
    }

    private static void AssertSame((bool LevelBound, IReadOnlyList<ISymbol> Fields) expected, StateReads actual)
    {
        Assert.Equal(expected.LevelBound, actual.IsLevelBound);
        Assert.True(expected.Fields.SequenceEqual(actual.Fields, SymbolEqualityComparer.Default),
            $"expected {string.Join(",", expected.Fields.Select(f => f.Name))}, got {string.Join(",", actual.Fields.Select(f => f.Name))}");
    }

    private static IReadOnlyList<ISymbol> MakeFields(int count)
    {
        var source = "class State { " + string.Concat(Enumerable.Range(0, count).Select(i => $"int f{i}; ")) + "}";
        var compilation = CSharpCompilation.Create("State", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All);
        var type = compilation.GetTypeByMetadataName("State")!;
        return Enumerable.Range(0, count).Select(i => type.GetMembers("f" + i).Single()).ToList();
    }

    /// <summary>The reference: a set per frame, every read added from the frame where it happened up.</summary>
    private sealed class Frame
    {
        private readonly Frame? _parent;
        private readonly List<ISymbol> _order = new();
        private readonly HashSet<ISymbol> _set = new(SymbolEqualityComparer.Default);
        private bool _levelBound;

        public Frame(CallChain chain, Frame? parent)
        {
            Chain = chain;
            _parent = parent;
        }

        public CallChain Chain { get; }

        public void Read(ISymbol field)
        {
            for (var frame = this; frame is not null && !frame._levelBound; frame = frame._parent)
            {
                if (!frame._set.Add(field)) return;
                frame._order.Add(field);
                if (frame._set.Count > StateReads.MaxFields) frame._levelBound = true;
            }
        }

        public void Read(StateReads reads)
        {
            if (reads.IsLevelBound)
            {
                for (var frame = this; frame is not null; frame = frame._parent) frame._levelBound = true;
                return;
            }

            foreach (var field in reads.Fields) Read(field);
        }

        public (bool LevelBound, IReadOnlyList<ISymbol> Fields) Expected() => (_levelBound, _levelBound ? Array.Empty<ISymbol>() : _order);
    }
}
