using System.Collections.Immutable;
using System.Threading.Tasks;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Interprocedural;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// The benchmark reads the engine's work from <see cref="WorkCounters"/>. The counters are process-wide,
/// so these tests run alone (the collection of the tests that read the analyzer's caches).
/// </summary>
[Collection(ProjectCacheCollection.Name)]
public class WorkCountersTests
{
    [Fact]
    public async Task A_root_that_sends_through_a_helper_counts_itself_its_helper_and_their_bodies()
    {
        var work = await WorkOf("""
            using Microsoft.CodeAnalysis;

            public sealed class Reporter
            {
                private static readonly Microsoft.ApplicationInsights.TelemetryClient Client = new();

                public void OnSymbol(ISymbol symbol) => Send(symbol.Name);

                private static void Send(string text) => Client.TrackEvent(text);
            }
            """);

        Assert.Equal(1, work.Roots);
        Assert.Equal(2, work.Bodies);
        Assert.True(work.Summaries >= 2, $"{work.Summaries} flow analyses: the root's, and the helper's summary");
    }

    [Fact]
    public async Task A_field_read_by_a_root_has_its_writer_analysed_at_the_field_levels()
    {
        var work = await WorkOf("""
            using Microsoft.CodeAnalysis;

            public sealed class Keeper
            {
                private static readonly Microsoft.ApplicationInsights.TelemetryClient Client = new();
                private string _kept = "";

                public void Keep(ISymbol symbol) => _kept = symbol.Name;

                public void Flush() => Client.TrackEvent(_kept);
            }
            """);

        Assert.True(work.LevelSummaries >= 1, $"{work.LevelSummaries} flow analyses at the field levels: Keep's, for _kept's value");
        Assert.True(work.LevelSummaries < work.Summaries, $"{work.LevelSummaries} of {work.Summaries}: the roots are analysed at their own level");
        Assert.True(work.FieldValues >= 1, $"{work.FieldValues} field values");
    }

    [Fact]
    public async Task A_root_with_no_field_to_read_makes_no_analysis_at_the_field_levels()
    {
        var work = await WorkOf("""
            using Microsoft.CodeAnalysis;

            public static class Reporter
            {
                public static void OnSymbol(ISymbol symbol, Microsoft.ApplicationInsights.TelemetryClient client) => client.TrackEvent(symbol.Name);
            }
            """);

        Assert.Equal(1, work.Roots);
        Assert.Equal(0, work.LevelSummaries);
    }

    [Fact]
    public async Task Code_that_sees_no_sensitive_data_costs_no_work()
    {
        var work = await WorkOf("""
            public sealed class Counter
            {
                private int _count;

                public int Next() => ++_count;
            }
            """);

        Assert.Equal(default, work);
    }

    [Fact]
    public async Task A_method_cut_at_the_depth_bound_is_analysed_once_however_often_it_is_called_in_that_computation()
    {
        // Each step calls the next twice, and the chain is longer than the depth bound. When the steps near
        // the bound were summarised under a cut, which is not cached, analysing them again at every call
        // doubled the work at each step above the bound, up to the whole computation's budget (4,042
        // analyses). The chain now continues on a fresh stack; what is still cut is reused (below).
        const int Steps = CallChain.MaxDepth + 8;
        var (work, diagnostics) = await WorkAndFindingsOf(Relay("Step0(symbol.Name)", Steps, i =>
            $"private static void Step{i}(string text) {{ {(i + 1 < Steps ? $"Step{i + 1}(text + \"/{i}\"); Step{i + 1}(text);" : "Client.TrackEvent(text);")} }}"));

        Assert.True(work.Summaries < 8 * Steps, $"{work.Summaries} flow analyses for {Steps} steps");
        Assert.Contains(diagnostics, d => d.Id == "EXF1002" && d.Location.SourceSpan.Length > 0);
    }

    [Fact]
    public void A_summary_made_under_a_cut_answers_every_later_call_in_its_computation()
    {
        // Past the last fresh stack a call is cut, and what was summarised above the cut is not cached;
        // within the computation, Middle's summary serves Top's second call instead of being made again.
        var engine = EngineOnFile.Of("Cut", """
            static class Relay
            {
                private static readonly Microsoft.ApplicationInsights.TelemetryClient Client = new();

                public static void Top(string text) { Middle(text); Middle(text + "/"); }
                public static void Middle(string text) => Bottom(text);
                public static void Bottom(string text) => Client.TrackEvent(text);
            }
            """, "/src/Relay.cs");
        var top = engine.Method("Relay", "Top");
        var deep = CallChain.Start(top, CallChain.Normal, SummaryStore.MaxHandoffs);
        while (deep.Depth < CallChain.MaxDepth - 2)
        {
            deep = deep.Enter(top);
        }

        var before = WorkCounters.Read();
        engine.Flow.Summaries.ForCall(top, null, deep, System.Threading.CancellationToken.None);
        var work = WorkCounters.Read() - before;

        Assert.True(deep.Incomplete, "Bottom, at the bound past the last fresh stack, is cut");
        Assert.Equal(2, work.Summaries);
    }

    [Fact]
    public async Task Each_step_of_a_chain_three_times_the_depth_bound_is_summarised_once()
    {
        // At the depth bound the chain continues on a fresh stack. Cutting it there instead made every
        // frame above the bound finish under the cut, and be analysed again once the cut was summarised.
        const int Steps = 3 * CallChain.MaxDepth;
        var (work, diagnostics) = await WorkAndFindingsOf(Relay("Step0(symbol.Name)", Steps, i =>
            $"private static void Step{i}(string text) {{ {(i + 1 < Steps ? $"Step{i + 1}(text + \"/{i}\");" : "Client.TrackEvent(text);")} }}"));

        Assert.True(work.Summaries - work.Roots <= Steps, $"{work.Summaries - work.Roots} summaries besides the {work.Roots} roots' own analyses, for {Steps} steps");
        Assert.Equal(Steps / CallChain.MaxDepth - 1, work.FreshStacks);
        Assert.True(work.FreshStackTime > System.TimeSpan.Zero, "the benchmark adds the time waited for fresh stacks to the time in our callbacks");
        Assert.Contains(diagnostics, d => d.Id == "EXF1002");
    }

    [Fact]
    public async Task A_cycle_is_solved_again_only_where_a_summary_it_read_changed()
    {
        // A ring of ten: the first sends its text, each passes it to the next, the last back to the first.
        // Entered from the last, the first pass leaves the send out of every member the last one reaches
        // before the first; one round, callees first, carries it through. A second round over the whole
        // ring, only to find that nothing changed, was ten analyses more; only the members that read a
        // summary that changed after they were analysed are analysed again (none here).
        const int Members = 10;
        var (work, diagnostics) = await WorkAndFindingsOf(Relay($"Ring{Members - 1}(symbol.Name, 3)", Members, i =>
            $"private static void Ring{i}(string text, int n) {{ {(i == 0 ? "Client.TrackEvent(text); " : "")}if (n > 0) Ring{(i + 1) % Members}(text, n - 1); }}"));

        Assert.True(work.Summaries < 2 * Members + 5, $"{work.Summaries} flow analyses for a ring of {Members}: the root, a first pass and a round");
        Assert.Contains(diagnostics, d => d.Id == "EXF1002");
    }

    /// <summary>A class whose root hands a symbol's name to <paramref name="entry"/>, with <paramref name="count"/> generated members.</summary>
    private static string Relay(string entry, int count, System.Func<int, string> member)
    {
        var members = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            members.Append("    ").AppendLine(member(i));
        }

        return $$"""
            using Microsoft.CodeAnalysis;

            public sealed class Relay
            {
                private static readonly Microsoft.ApplicationInsights.TelemetryClient Client = new();

                public void OnSymbol(ISymbol symbol) => {{entry}};

            {{members}}
            }
            """;
    }

    private static async Task<WorkCount> WorkOf(string source) => (await WorkAndFindingsOf(source)).Work;

    private static async Task<(WorkCount Work, ImmutableArray<Diagnostic> Diagnostics)> WorkAndFindingsOf(string source)
    {
        var compilation = CSharpCompilation.Create("Counted", new[] { CSharpSyntaxTree.ParseText(source, path: "/src/Counted.cs") },
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var serial = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var before = WorkCounters.Read();
        var diagnostics = await compilation.WithAnalyzers(AnalyzerRunner.All, serial).GetAnalyzerDiagnosticsAsync();
        var work = WorkCounters.Read() - before;
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return (work, diagnostics);
    }
}
