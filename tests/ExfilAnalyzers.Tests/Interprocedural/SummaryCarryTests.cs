using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using static ExfilAnalyzers.Tests.Verifiers.CarriedReport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// Method summaries carried from one compilation of a project to the next, as the IDE makes one per
/// keystroke: a summary is taken over only when nothing it was computed from was edited and none of its
/// locations is in an edited file, and what it names (the state it writes and read, the methods it
/// passes arguments to) is found again in the new compilation. Each test's findings and traces must be
/// those of the same code analysed from nothing.
/// </summary>
[Collection(ProjectCacheCollection.Name)]
public class SummaryCarryTests
{
    // Describe returns the symbol's name, with a trace into this file; Count returns a number, which
    // holds no location; Remember stores the name in Last; Keep stores its argument in Kept, which Run
    // passes a name to; Relay returns what Named holds.
    private const string Helpers = """
        using Microsoft.CodeAnalysis;

        static class Helpers
        {
            public static string Last = "";
            public static string Kept = "";
            public static string Named = "";

            public static void Early() { }

            public static string Describe(ISymbol symbol) => symbol.Name;

            public static string Count(ISymbol symbol) => symbol.Name.Length.ToString();

            public static void Remember(ISymbol symbol)
            {
                Last = symbol.Name;
            }

            public static void Keep(string text)
            {
                Kept = text;
            }

            public static void Run(ISymbol symbol)
            {
                Keep(symbol.Name);
            }

            public static void Name(ISymbol symbol)
            {
                Named = symbol.Name;
            }

            public static string Relay() => Named;

            public static string Current() => Named.Length.ToString();

            public static System.IO.TextWriter Log = System.IO.TextWriter.Null;

            public static void Attach(System.IO.Stream stream)
            {
                Log = new System.IO.StreamWriter(stream);
            }
        }
        """;

    // Pass hands on what Current returns: its summary holds no location in Helpers.cs while Current returns a number.
    private const string Middle = """
        using Microsoft.CodeAnalysis;

        static class Middle
        {
            public static string Pass() => Helpers.Current();
        }
        """;

    private const string Agent = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Agent
        {
            private static readonly TelemetryClient Client = new();

            void Report(ISymbol symbol)
            {
                Client.TrackEvent(Helpers.Describe(symbol));
                Client.TrackEvent(Helpers.Count(symbol));
                Client.TrackEvent(Helpers.Last);
                Client.TrackEvent(Helpers.Kept);
                Client.TrackEvent(Helpers.Relay());
                Client.TrackEvent(Middle.Pass());
            }

            int Idle()
            {
                return 1;
            }

            int Lengths()
            {
                return Helpers.Last.Length;
            }
        }
        """;

    [Fact]
    public void An_edit_in_code_no_summary_read_carries_the_summaries_over()
    {
        var (before, after) = Edit(nameof(An_edit_in_code_no_summary_read_carries_the_summaries_over), "/src/Agent.cs", "return 1;", "return 2;");
        var kept = Kept(before);

        Assert.Equal(4, Findings(before).Count);
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.Equal(Traces(Fresh(after.Compilation)), Traces(after));

        // Report (in the edited file) is analysed again; what it calls is taken over, Describe's and Count's summaries at least.
        Assert.True(after.Carry.TakenSummaries >= 3, $"{after.Carry.TakenSummaries} summaries taken over");
        Assert.Equal(0, Analysed(kept, after, "Describe", "Count", "Relay"));

        // Relay's summary read Named's value: the state it names is the new compilation's, so its level can be told there.
        var helpers = after.Compilation.GetTypeByMetadataName("Helpers")!;
        var relay = after.Summaries.ForCall(Method(after, "Relay"), null, CallChain.Start(helpers, CallChain.Report), CancellationToken.None)!;
        Assert.Equal(new[] { helpers.GetMembers("Named").Single() }, relay.StateRead.Fields, SymbolEqualityComparer.Default);
    }

    /// <summary>
    /// The edit is in Helpers.cs, in a member no summary read: Count's summary holds no location and is
    /// taken over; Describe's holds a trace into the file, below the lines the edit adds, and is made again.
    /// </summary>
    [Fact]
    public void A_summary_whose_trace_is_in_an_edited_file_is_computed_again()
    {
        var (before, after) = Edit(nameof(A_summary_whose_trace_is_in_an_edited_file_is_computed_again), "/src/Helpers.cs",
            "public static void Early() { }", "public static void Early()\n    {\n        int pad = 1;\n    }");
        var kept = Kept(before);

        Assert.Equal(Traces(Fresh(after.Compilation)), Traces(after));
        Assert.All(Locations(after), location => Assert.True(location.SourceTree is { } tree && after.Compilation.ContainsSyntaxTree(tree)));
        Assert.Equal(1, Analysed(kept, after, "Describe"));
        Assert.Equal(0, Analysed(kept, after, "Count"));
    }

    [Fact]
    public void An_edit_of_a_method_computes_its_summary_again()
    {
        var (before, after) = Edit(nameof(An_edit_of_a_method_computes_its_summary_again), "/src/Helpers.cs",
            "Describe(ISymbol symbol) => symbol.Name;", "Describe(ISymbol symbol) => symbol.Name.Length.ToString();");
        var kept = Kept(before);

        Assert.Contains("TelemetryClient.TrackEvent SymbolName Describe", Findings(before));
        Assert.DoesNotContain("TelemetryClient.TrackEvent SymbolName Describe", Findings(after));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.Equal(1, Analysed(kept, after, "Describe"));
    }

    /// <summary>
    /// Current now returns the name Named holds. Pass's summary held no location in the edited file, but it
    /// was computed from Current's: it is computed again, and Report sends the name through it.
    /// </summary>
    [Fact]
    public void An_edit_of_a_callee_computes_its_callers_summaries_again()
    {
        var (before, after) = Edit(nameof(An_edit_of_a_callee_computes_its_callers_summaries_again), "/src/Helpers.cs",
            "Current() => Named.Length.ToString();", "Current() => Named;");
        var kept = Kept(before);

        Assert.Equal(1, Findings(before).Count(f => f == "TelemetryClient.TrackEvent SymbolName Name"));
        Assert.Equal(2, Findings(after).Count(f => f == "TelemetryClient.TrackEvent SymbolName Name"));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.Equal(1, Analysed(kept, after, "Pass"));
    }

    /// <summary>
    /// The edit mentions Kept and Named in a member that mentioned Last already (so which members matter does
    /// not change), and the values of all three searched the writers of those names: the values are
    /// computed again, over the writers' summaries taken over (Relay's, which read Named's value, is made
    /// again). What those summaries name must be found again in the new compilation: a write of the old
    /// compilation's Last, or an argument passed to its Keep, would match nothing there, and the values
    /// would come out clean.
    /// </summary>
    [Fact]
    public void A_summary_taken_over_names_the_state_and_methods_of_the_new_compilation()
    {
        var (before, after) = Edit(nameof(A_summary_taken_over_names_the_state_and_methods_of_the_new_compilation), "/src/Agent.cs",
            "return Helpers.Last.Length;", "return Helpers.Last.Length + Helpers.Kept.Length + Helpers.Named.Length;");
        var kept = Kept(before);

        Assert.Equal(Findings(before), Findings(after));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.Equal(Traces(Fresh(after.Compilation)), Traces(after));
        Assert.Equal(0, Analysed(kept, after, "Remember", "Run", "Keep", "Name"));
        Assert.Equal(1, Analysed(kept, after, "Relay"));

        var helpers = after.Compilation.GetTypeByMetadataName("Helpers")!;
        var chain = CallChain.Start(helpers, CallChain.Report);
        var remember = after.Summaries.ForCall(Method(after, "Remember"), null, chain, CancellationToken.None)!;
        Assert.Contains(helpers.GetMembers("Last").Single(), remember.FieldWrites.Keys, SymbolEqualityComparer.Default);
        var run = after.Summaries.ForCall(Method(after, "Run"), null, chain, CancellationToken.None)!;
        Assert.True(run.CallArguments.TryGetValue(Method(after, "Keep"), out _));
    }

    /// <summary>
    /// A composition root creates two services, each of which keeps what it is given: the edit makes both
    /// values be computed again, over the root's summary taken over, which is asked what it passed each
    /// constructor and finds that constructor again by its id only then (<see cref="CallArgumentMap"/>).
    /// </summary>
    [Fact]
    public void A_composition_roots_summary_taken_over_answers_what_it_passed_each_constructor()
    {
        const string Services = """
            using Microsoft.CodeAnalysis;

            class First
            {
                public static string Held = "";

                public First(string text) { Held = text; }
            }

            class Second
            {
                public static string Held = "";

                public Second(string text) { Held = text; }
            }

            static class Root
            {
                public static void Start(ISymbol symbol)
                {
                    new First(symbol.Name);
                    new Second("fixed");
                }
            }
            """;
        const string Sender = """
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Agent
            {
                private static readonly TelemetryClient Client = new();

                void Report(ISymbol symbol)
                {
                    Client.TrackEvent(First.Held);
                    Client.TrackEvent(Second.Held);
                }

                int Lengths()
                {
                    return First.Held.Length;
                }
            }
            """;
        var (before, after) = EditedProject.Edit("SummaryCarryRoot", new[] { ("/src/Services.cs", Services), ("/src/Agent.cs", Sender) }, "/src/Agent.cs",
            "return First.Held.Length;", "return First.Held.Length + Second.Held.Length;", flow => Findings(flow));
        var kept = Kept(before);
        var start = (IMethodSymbol)after.Compilation.GetTypeByMetadataName("Root")!.GetMembers("Start").Single();

        Assert.Equal(new[] { "TelemetryClient.TrackEvent SymbolName Start" }, Findings(before));
        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.Equal(Findings(before), Findings(after));
        Assert.False(Computed(kept, after, start));

        var taken = after.Summaries.Cached(start, CallChain.Normal)!;
        Assert.True(taken.CallArguments.TryGetValue(after.Compilation.GetTypeByMetadataName("First")!.InstanceConstructors.Single(), out var first));
        Assert.False(first.Single().IsClean);
        // Only what carries data is noted: the root passes Second nothing.
        Assert.False(taken.CallArguments.TryGetValue(after.Compilation.GetTypeByMetadataName("Second")!.InstanceConstructors.Single(), out _));
    }

    /// <summary>
    /// Attach stores a writer over the stream it is given: what it writes into the field writes through its
    /// parameter, a place of its own code that the next compilation finds again by its ordinal.
    /// </summary>
    [Fact]
    public void A_summary_that_writes_through_a_parameter_is_carried()
    {
        MethodSummary? attached = null;
        var (before, after) = EditedProject.Edit("SummaryCarryParameter", Files, "/src/Agent.cs", "return 1;", "return 2;", flow =>
        {
            Findings(flow);
            attached = flow.Summaries.ForCall(Method(flow, "Attach"), null, CallChain.Start(Method(flow, "Attach"), CallChain.Report), CancellationToken.None);
        });
        var kept = Kept(before);
        var log = after.Compilation.GetTypeByMetadataName("Helpers")!.GetMembers("Log").Single();
        Assert.IsAssignableFrom<IParameterSymbol>(attached!.FieldWrites.Single().Value.WritesInto!.Value.Root);

        var taken = after.Summaries.ForCall(Method(after, "Attach"), null, CallChain.Start(Method(after, "Attach"), CallChain.Report), CancellationToken.None)!;

        Assert.Equal(0, Analysed(kept, after, "Attach"));
        var written = taken.FieldWrites[log].WritesInto!.Value.Root;
        Assert.Same(Method(after, "Attach").Parameters[0], written);
    }

    /// <summary>
    /// Joined reads more state than a summary remembers (<see cref="StateReads.MaxFields"/>): its summary
    /// holds at the level it was computed at only, and is carried for that level, still bound to it.
    /// </summary>
    [Fact]
    public void A_summary_bound_to_its_level_is_carried_for_that_level()
    {
        var count = StateReads.MaxFields + 4;
        var fields = string.Concat(Enumerable.Range(0, count).Select(i => $"    public static string F{i} = \"\";\n"));
        var writes = string.Concat(Enumerable.Range(0, count).Select(i => $"        F{i} = symbol.Name;\n"));
        var reads = string.Join(" + ", Enumerable.Range(0, count).Select(i => $"F{i}"));
        var many = $"using Microsoft.CodeAnalysis;\n\nstatic class Many\n{{\n{fields}\n    public static void Fill(ISymbol symbol)\n    {{\n{writes}    }}\n\n"
            + $"    public static string Joined() => {reads};\n}}\n";
        var agent = Agent.Replace("Client.TrackEvent(Middle.Pass());", "Client.TrackEvent(Middle.Pass());\n        Client.TrackEvent(Many.Joined());");
        var (before, after) = EditedProject.Edit("SummaryCarryLevelBound", new[] { ("/src/Helpers.cs", Helpers), ("/src/Middle.cs", Middle), ("/src/Many.cs", many), ("/src/Agent.cs", agent) },
            "/src/Agent.cs", "return 1;", "return 2;", flow => Findings(flow));
        var kept = Kept(before);
        var joined = (IMethodSymbol)after.Compilation.GetTypeByMetadataName("Many")!.GetMembers("Joined").Single();

        Assert.Equal(Findings(Fresh(after.Compilation)), Findings(after));
        Assert.Contains(kept.Summaries, k => k.Key.Name == "Joined");
        var taken = after.Summaries.Cached(joined, CallChain.Normal)!;
        Assert.True(taken.StateRead.IsLevelBound);
        Assert.Contains(kept.Summaries, k => k.Key.Name == "Joined" && k.Key.Mode == CallChain.Normal && ReferenceEquals(k.Value.Deps, taken.Deps));
    }

    /// <summary>Overloads that differ only in ref and out share a documentation id: it names neither, so what names one is not carried.</summary>
    [Fact]
    public void An_id_two_overloads_share_names_no_symbol()
    {
        // Half-typed code: C# does not allow the two, but the IDE analyses the file as it is typed.
        var compilation = CSharpCompilation.Create("CarryRefOut", new[]
        {
            CSharpSyntaxTree.ParseText("""
                class Pair
                {
                    void Set(ref int value) { }
                    void Set(out int value) { value = 0; }
                    void Set(out string value) { value = ""; }
                }
                """, path: "/src/Pair.cs"),
        }, TestReferences.All);
        var symbols = new CarriedSymbols(compilation);
        var overloads = compilation.GetTypeByMetadataName("Pair")!.GetMembers("Set");

        Assert.Equal(symbols.IdOf(overloads[0]), symbols.IdOf(overloads[1]));
        Assert.Null(symbols.Find(symbols.IdOf(overloads[0])!));
        Assert.Same(overloads[2], symbols.Find(symbols.IdOf(overloads[2])!));
        Assert.Null(symbols.IdOf(compilation.GetSpecialType(SpecialType.System_String)));
    }

    /// <summary>
    /// Every kind of declaration a carried answer may name (a constructor, a generic method, an explicit
    /// implementation, an operator, an indexer, a nested or generic type's member) is found again by its id.
    /// </summary>
    [Fact]
    public void Every_kind_of_declaration_is_found_again_by_its_id()
    {
        const string Code = """
            namespace Ns
            {
                public interface IRun { void Run(int count); }

                public class Kinds : IRun
                {
                    public static int Counter;
                    public event System.Action? Changed;
                    public Kinds(int start) { }
                    static Kinds() { }
                    public string Name { get; set; } = "";
                    public int this[int index] => index;
                    public void Set(int value) { }
                    public void Set(string value) { }
                    public T Echo<T>(T value) => value;
                    void IRun.Run(int count) { }
                    public static Kinds operator +(Kinds a, Kinds b) => a;
                    public static implicit operator int(Kinds k) => 0;

                    public class Inner { public void Set(int value) { } }
                }

                public class Box<T> { public Box(T value) { } public void Put(T value) { } }
            }
            """;
        var compilation = CSharpCompilation.Create("CarryKinds", new[] { CSharpSyntaxTree.ParseText("#nullable enable\n" + Code, path: "/src/Kinds.cs") },
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var symbols = new CarriedSymbols(compilation);
        var members = new[] { "Ns.Kinds", "Ns.Kinds+Inner", "Ns.Box`1" }
            .SelectMany(name => compilation.GetTypeByMetadataName(name)!.GetMembers())
            .Where(member => !member.IsImplicitlyDeclared)
            .ToArray();

        Assert.True(members.Length >= 16, string.Join(", ", members.Select(m => m.Name)));
        foreach (var member in members)
        {
            var id = symbols.IdOf(member);
            Assert.True(id is not null, member.ToDisplayString());
            Assert.Same(member, symbols.Find(id!));
        }
    }

    /// <summary>
    /// A referenced project compiled its own copy of a helper the project declares (as Roslyn's assemblies
    /// share source): the id names the project's declaration, which is the only one in its code.
    /// </summary>
    [Fact]
    public void An_id_a_referenced_project_shares_names_the_declaration_in_source()
    {
        const string Shared = "namespace Shared { public static class Arrays { public static int Count(int[] items) => items.Length; } }";
        var library = CSharpCompilation.Create("CarrySharedLibrary", new[] { CSharpSyntaxTree.ParseText(Shared) }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compilation = CSharpCompilation.Create("CarryShared", new[] { CSharpSyntaxTree.ParseText(Shared, path: "/src/Arrays.cs") },
            TestReferences.All.Add(library.ToMetadataReference()), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var symbols = new CarriedSymbols(compilation);
        var count = compilation.GetSymbolsWithName("Count").OfType<IMethodSymbol>().Single();
        var id = symbols.IdOf(count)!;

        Assert.Equal(2, DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation).Length);
        Assert.Same(count, symbols.Find(id));
    }

    private static (FlowContext Before, FlowContext After) Edit(string project, string path, string text, string replacement) =>
        EditedProject.Edit("SummaryCarry" + project, Files, path, text, replacement, flow => Findings(flow));

    private static (string Path, string Text)[] Files => new[] { ("/src/Helpers.cs", Helpers), ("/src/Middle.cs", Middle), ("/src/Agent.cs", Agent) };

    private static FlowContext Fresh(Compilation compilation) => EditedProject.Fresh(compilation);


    private static IMethodSymbol Method(FlowContext flow, string name) =>
        new[] { "Helpers", "Middle" }.SelectMany(type => flow.Compilation.GetTypeByMetadataName(type)!.GetMembers(name)).OfType<IMethodSymbol>().Single();

    /// <summary>How many of the methods have a summary the compilation after the edit computed itself, at some mode.</summary>
    private static int Analysed(CarriedAnswers kept, FlowContext after, params string[] names) =>
        names.Count(name => Computed(kept, after, Method(after, name)));

    /// <summary>What the compilation before the edit kept; asked before the one after is analysed, which then keeps its own.</summary>
    private static CarriedAnswers Kept(FlowContext before) => CarriedAnswers.Of(before.Compilation)!;

    /// <summary>Each finding of Agent.Report, with the first helper its trace passes through.</summary>
    private static List<string> Findings(FlowContext flow) =>
        Report(flow).SinkCalls
            .Where(call => !call.Flows.IsEmpty)
            .SelectMany(call => call.Flows.Select(f => $"{call.Api} {f.Label} {Through(f.Trace)}"))
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .ToList();

    private static string Through(FlowTrace trace) =>
        trace.SourceLocation.SourceTree?.GetRoot().FindNode(trace.SourceLocation.SourceSpan).AncestorsAndSelf()
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax>().FirstOrDefault() switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax method => method.Identifier.ValueText,
            _ => "?",
        };

}
