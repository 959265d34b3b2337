using System;
using System.Collections.Generic;
using System.Linq;
using ExfilAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// <see cref="FlowTrace.Continue"/> splices a callee's steps in as one node; what a report reads must be
/// what adding them one by one with <see cref="FlowTrace.WithStep"/> gives: no step at the source, none
/// twice in a row, at most <see cref="FlowTrace.MaxSteps"/>.
/// </summary>
public class FlowTraceTests
{
    // A small pool, so that the random traces repeat locations and meet every rule.
    private static readonly Location[] Pool = Enumerable.Range(0, 12)
        .Select(i => Location.Create("File.cs", new TextSpan(i * 10, 5), new LinePositionSpan(new LinePosition(i, 0), new LinePosition(i, 5))))
        .ToArray();

    [Fact]
    public void A_callee_s_source_and_steps_follow_the_caller_s_steps()
    {
        var caller = Trace(0, 1, 2);
        var callee = Trace(3, 4, 5);

        var continued = caller.Continue(callee);

        Assert.Equal(new[] { Pool[1], Pool[2], Pool[3], Pool[4], Pool[5] }, continued.Steps);
        Assert.Equal(Pool[5], continued.LastStep);
    }

    [Fact]
    public void Steps_at_the_caller_s_source_or_repeating_the_last_one_are_dropped()
    {
        var caller = Trace(0, 1, 2);
        var callee = Trace(2, 2, 0, 6);

        Assert.Equal(new[] { Pool[1], Pool[2], Pool[6] }, caller.Continue(callee).Steps);
    }

    [Fact]
    public void A_continued_trace_stops_at_the_bound()
    {
        var caller = Trace(0, Enumerable.Range(0, FlowTrace.MaxSteps - 2).Select(i => 1 + i % 2).ToArray());
        var callee = Trace(3, 4, 5, 6);

        var continued = caller.Continue(callee);

        Assert.Equal(FlowTrace.MaxSteps, continued.StepCount);
        Assert.Equal(new[] { Pool[3], Pool[4] }, continued.Steps.Skip(FlowTrace.MaxSteps - 2));
        Assert.Same(continued, continued.Continue(callee));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Continuing_gives_what_adding_each_step_gives(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            // Traces that are themselves continued, then stepped, then continued again.
            var caller = RandomTrace(random);
            var reference = caller;
            for (var hop = 0; hop < 3; hop++)
            {
                var callee = random.Next(3) == 0 ? RandomTrace(random).Continue(RandomTrace(random)) : RandomTrace(random);
                caller = caller.Continue(callee);
                reference = StepByStep(reference, callee);
                var extra = Pool[random.Next(Pool.Length)];
                caller = caller.WithStep(extra);
                reference = reference.WithStep(extra);

                // As arrays: ImmutableArray's own equality compares the arrays' identity.
                Assert.Equal(reference.Steps.ToArray(), caller.Steps.ToArray());
                Assert.Equal(reference.StepCount, caller.StepCount);
                Assert.Equal(reference.LastStep, caller.LastStep);
            }
        }
    }

    private static FlowTrace StepByStep(FlowTrace caller, FlowTrace callee)
    {
        var result = caller.WithStep(callee.SourceLocation);
        foreach (var step in callee.Steps)
        {
            result = result.WithStep(step);
        }

        return result;
    }

    private static FlowTrace RandomTrace(Random random)
    {
        var steps = new List<int>();
        var length = random.Next(FlowTrace.MaxSteps + 6);
        for (var i = 0; i < length; i++)
        {
            steps.Add(random.Next(Pool.Length));
        }

        return Trace(random.Next(Pool.Length), steps.ToArray());
    }

    private static FlowTrace Trace(int source, params int[] steps)
    {
        var trace = FlowTrace.Start("Api", Pool[source]);
        foreach (var step in steps)
        {
            trace = trace.WithStep(Pool[step]);
        }

        return trace;
    }
}
