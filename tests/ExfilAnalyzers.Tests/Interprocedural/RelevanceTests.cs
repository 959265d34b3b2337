using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// The name-based pre-filter skips members that cannot see sensitive data, and keeps every member
/// through which taint can arrive: a source, a member returning one, state written by either, a
/// member handed taint by a caller.
/// </summary>
public class RelevanceTests
{
    private const string Code = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Agent
        {
            private static readonly TelemetryClient Client = new();
            private string _stored = "";
            private string _untouched = "";
            private int _counter;

            string NameOf(ISymbol symbol) => symbol.Name;
            void Report(ISymbol symbol) => Client.TrackEvent(NameOf(symbol));
            void Store(ISymbol symbol) { _stored = symbol.MetadataName; Keep(symbol.Kind.ToString()); }
            void Keep(string value) => _untouched = value;
            void SendStored() => Client.TrackEvent(_stored);
            void SendUntouched() => Client.TrackEvent(_untouched);
            void Count() { _counter++; Client.TrackEvent("count"); }
            int Arithmetic(int a, int b) => a * b + _counter;
        }
        """;

    [Theory]
    [InlineData("NameOf", true)]
    [InlineData("Report", true)]
    [InlineData("Store", true)]
    [InlineData("SendStored", true)]
    [InlineData("SendUntouched", true)]
    [InlineData("Count", false)]
    [InlineData("Arithmetic", false)]
    public void Members_matter_exactly_when_taint_can_reach_them(string method, bool matters)
    {
        var tree = CSharpSyntaxTree.ParseText(Code);
        var compilation = CSharpCompilation.Create("Relevance", new[] { tree }, TestReferences.All);
        var catalog = ModelCatalog.Create(compilation, ModelTable.BuiltIn, null);
        var index = RelevanceIndex.Build(compilation, catalog, sinksMatter: false, CancellationToken.None);
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method);
        Assert.Equal(matters, index.Matters(tree, declaration));
    }

    [Fact]
    public void With_the_opt_in_rule_on_every_sink_call_matters()
    {
        var tree = CSharpSyntaxTree.ParseText(Code);
        var compilation = CSharpCompilation.Create("Relevance", new[] { tree }, TestReferences.All);
        var index = RelevanceIndex.Build(compilation, ModelCatalog.Create(compilation, ModelTable.BuiltIn, null), sinksMatter: true, CancellationToken.None);
        var count = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Count");
        Assert.True(index.Matters(tree, count));
    }

    /// <summary>
    /// Asked about First, the search enters Second and Third before it finds the sink through Zeta:
    /// Third leads back to First, so all three form one group, and every one of them sends.
    /// </summary>
    [Fact]
    public void Every_member_of_a_cycle_that_leads_to_a_sink_sends()
    {
        const string cycle = """
            using Microsoft.ApplicationInsights;

            class Cycle
            {
                private static readonly TelemetryClient Client = new();
                void First(int n) { Second(n); Zeta(); }
                void Second(int n) => Third(n);
                void Third(int n) { if (n > 0) First(n - 1); }
                void Zeta() => Client.TrackEvent("zeta");
                void Apart(int n) => Second(n);
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(cycle);
        var compilation = CSharpCompilation.Create("Cycle", new[] { tree }, TestReferences.All);
        var index = RelevanceIndex.Build(compilation, ModelCatalog.Create(compilation, ModelTable.BuiltIn, null), sinksMatter: false, CancellationToken.None);
        var declarations = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToDictionary(m => m.Identifier.ValueText);

        // The order of the questions is the point: First is asked before the members it leads through.
        Assert.True(index.MaySend(tree, declarations["First"], CancellationToken.None));
        Assert.True(index.MaySend(tree, declarations["Second"], CancellationToken.None));
        Assert.True(index.MaySend(tree, declarations["Third"], CancellationToken.None));
        Assert.True(index.MaySend(tree, declarations["Apart"], CancellationToken.None));
    }

    private const string SendingCode = """
        using System.Collections.Generic;
        using System.Diagnostics.Metrics;
        using Microsoft.CodeAnalysis;

        class Collector
        {
            private static readonly Counter<int> Hits = new Meter("m").CreateCounter<int>("hits");
            private readonly List<string> _names = new();
            private System.Action<string>? _callback;

            void Collect(ISymbol symbol) => _names.Add(symbol.Name);
            void Hit(ISymbol symbol) => Hits.Add(1, new KeyValuePair<string, object?>("name", symbol.Name));
            void ViaHelper(ISymbol symbol) => Hit(symbol);
            void Register() => _callback = name => Hits.Add(1, new KeyValuePair<string, object?>("name", name));
            void ViaCallback(ISymbol symbol) => _callback?.Invoke(symbol.Name);
        }
        """;

    /// <summary>
    /// "Add" names both List&lt;T&gt;.Add and the Counter&lt;T&gt;.Add sink: only a mention that binds to
    /// the sink makes a member sending, then callers and readers of a stored callback follow by name.
    /// </summary>
    [Theory]
    [InlineData("Collect", false)]
    [InlineData("Hit", true)]
    [InlineData("ViaHelper", true)]
    [InlineData("Register", true)]
    [InlineData("ViaCallback", true)]
    public void Members_may_send_only_when_a_sink_name_binds_to_a_sink(string method, bool sends)
    {
        Assert.Equal(sends, MaySend("Sending", SendingCode, method));
    }

    private const string RegisteredCode = """
        using System;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        delegate void Notify(string text);

        class Plugin
        {
            private Action<string>? _onAnalyzed;
            private Notify? _notify;
            private string _label = "";

            public void OnAnalyzed(Action<string> callback) => _onAnalyzed = callback;
            public void OnNotify(Notify notify) => _notify = notify;
            public void Label(string label) => _label = label;

            void ViaRegistered(ISymbol symbol) => _onAnalyzed?.Invoke(symbol.Name);
            void ViaOwnDelegate(ISymbol symbol) => _notify?.Invoke(symbol.Name);
            string ReadsLabel(ISymbol symbol) => _label + symbol.Name;
        }

        class Installer
        {
            private static readonly TelemetryClient Client = new();

            void Install(Plugin plugin)
            {
                plugin.OnAnalyzed(text => Client.TrackTrace(text));
                plugin.OnNotify(text => Client.TrackTrace(text));
                plugin.Label("installer");
                Client.TrackEvent("installed");
            }
        }

        class Journal
        {
            private readonly System.IO.StreamWriter _writer;
            public Journal(System.IO.Stream stream) => _writer = new System.IO.StreamWriter(stream);
            void Append(ISymbol symbol) => _writer.Write(symbol.Name);
        }

        class Uplink
        {
            Journal Open(System.Net.Sockets.TcpClient tcp) => new Journal(tcp.GetStream());
            System.IO.Stream OpenRaw(System.Net.Sockets.Socket socket) => new System.Net.Sockets.NetworkStream(socket);
        }
        """;

    /// <summary>
    /// A callback registered through a method is stored by the method and invoked elsewhere: the reader
    /// leads by name to the state, its writer, and the writer's callers, which pass the sending lambda.
    /// So does a writer over a stream that a constructor's caller opens on a socket. Only state whose
    /// type reads as a function (a framework delegate or one the code declares) or a stream leads to its
    /// writers' callers: a string stored the same way, by a caller that sends, does not.
    /// </summary>
    [Theory]
    [InlineData("ViaRegistered", true)]
    [InlineData("ViaOwnDelegate", true)]
    [InlineData("Append", true)]
    [InlineData("OpenRaw", true)]
    [InlineData("ReadsLabel", false)]
    public void State_that_holds_functions_or_streams_leads_to_the_callers_of_its_writers(string method, bool sends)
    {
        Assert.Equal(sends, MaySend("Registered", RegisteredCode, method));
    }

    /// <summary>The name filter's "may send" for a method of code that compiles without errors.</summary>
    private static bool MaySend(string assemblyName, string code, string method)
    {
        var tree = CSharpSyntaxTree.ParseText(code);
        var compilation = CSharpCompilation.Create(assemblyName, new[] { tree }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var index = RelevanceIndex.Build(compilation, ModelCatalog.Create(compilation, ModelTable.BuiltIn, null), sinksMatter: false, CancellationToken.None);
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method);
        return index.MaySend(tree, declaration, CancellationToken.None);
    }
}
