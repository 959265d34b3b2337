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
        // Each step calls the next twice, and the chain is longer than the depth bound: the steps near the
        // bound are summarised under a cut, which is not cached. Analysing them again at every call
        // doubled the work at each step above the bound, up to the whole computation's budget.
        const int Steps = CallChain.MaxDepth + 8;
        var steps = new System.Text.StringBuilder();
        for (var i = 0; i < Steps; i++)
        {
            var next = i + 1 < Steps ? $"Step{i + 1}(text + \"/{i}\"); Step{i + 1}(text);" : "Client.TrackEvent(text);";
            steps.AppendLine($"    private static void Step{i}(string text) {{ {next} }}");
        }

        var (work, diagnostics) = await WorkAndFindingsOf($$"""
            using Microsoft.CodeAnalysis;

            public sealed class Relay
            {
                private static readonly Microsoft.ApplicationInsights.TelemetryClient Client = new();

                public void OnSymbol(ISymbol symbol) => Step0(symbol.Name);

            {{steps}}
            }
            """);

        Assert.True(work.Summaries < 8 * Steps, $"{work.Summaries} flow analyses for {Steps} steps");
        Assert.Contains(diagnostics, d => d.Id == "EXF1002" && d.Location.SourceSpan.Length > 0);
    }

    [Fact]
    public async Task Each_step_of_a_chain_three_times_the_depth_bound_is_summarised_once()
    {
        // At the depth bound the chain continues on a fresh stack. Cutting it there instead made every
        // frame above the bound finish under the cut, and be analysed again once the cut was summarised.
        const int Steps = 3 * CallChain.MaxDepth;
        var steps = new System.Text.StringBuilder();
        for (var i = 0; i < Steps; i++)
        {
            var next = i + 1 < Steps ? $"Step{i + 1}(text + \"/{i}\");" : "Client.TrackEvent(text);";
            steps.AppendLine($"    private static void Step{i}(string text) {{ {next} }}");
        }

        var (work, diagnostics) = await WorkAndFindingsOf($$"""
            using Microsoft.CodeAnalysis;

            public sealed class Relay
            {
                private static readonly Microsoft.ApplicationInsights.TelemetryClient Client = new();

                public void OnSymbol(ISymbol symbol) => Step0(symbol.Name);

            {{steps}}
            }
            """);

        Assert.True(work.Summaries - work.Roots <= Steps, $"{work.Summaries - work.Roots} summaries besides the {work.Roots} roots' own analyses, for {Steps} steps");
        Assert.Equal(Steps / CallChain.MaxDepth - 1, work.FreshStacks);
        Assert.True(work.FreshStackTime > System.TimeSpan.Zero, "the benchmark adds the time waited for fresh stacks to the time in our callbacks");
        Assert.Contains(diagnostics, d => d.Id == "EXF1002");
    }

    [Fact]
    public async Task A_cycle_is_solved_again_only_where_a_summary_it_read_changed()
    {
        // A ring of ten: the first sends its text, each passes it to the next, the last back to the first.
        // Solved from the last, the send reaches one more member per round, backwards, while the rest of
        // the ring has nothing new to read: computing the whole ring again each round was ten analyses a
        // round for one that changed.
        const int Members = 10;
        var ring = new System.Text.StringBuilder();
        for (var i = 0; i < Members; i++)
        {
            var send = i == 0 ? "Client.TrackEvent(text); " : "";
            ring.AppendLine($"    private static void Ring{i}(string text, int n) {{ {send}if (n > 0) Ring{(i + 1) % Members}(text, n - 1); }}");
        }

        var (work, diagnostics) = await WorkAndFindingsOf($$"""
            using Microsoft.CodeAnalysis;

            public sealed class Relay
            {
                private static readonly Microsoft.ApplicationInsights.TelemetryClient Client = new();

                public void OnSymbol(ISymbol symbol) => Ring{{Members - 1}}(symbol.Name, 3);

            {{ring}}
            }
            """);

        Assert.True(work.Summaries < 4 * Members, $"{work.Summaries} flow analyses for a ring of {Members}");
        Assert.Contains(diagnostics, d => d.Id == "EXF1002");
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
