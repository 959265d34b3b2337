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
/// A project where no mention of a sink's name binds to a sink has nothing that can send, so no member
/// of it may send, however many such names it uses for its own members: before, a member naming more of
/// them than one question may bind to check was taken to send, and was searched and analysed. Where
/// something does call a sink, a member that reaches it still may send. Writing to a stream is a sink
/// call only where something may open a network stream: elsewhere it sends nothing.
/// </summary>
public class NoSinkCallTests
{
    private static readonly string[] SinkNames =
    {
        "TrackEvent", "TrackTrace", "TrackException", "TrackMetric", "TrackRequest", "TrackDependency", "Send", "SendAsync", "GetAsync",
        "PostAsync", "PutAsync", "DeleteAsync", "GetStringAsync", "Write", "WriteLine", "WriteAsync", "WriteByte", "Start", "WriteEvent", "GetStream",
    };

    private static string Code(string extraCall, string extraType)
    {
        var declarations = string.Join("\n", SinkNames.Select(name => $"    public void {name}(string text) {{ }}"));
        var calls = string.Join(" ", SinkNames.Select(name => $"busy.{name}(text);")) + extraCall;
        return $$"""
            using Microsoft.ApplicationInsights;
            using Microsoft.CodeAnalysis;

            class Busy
            {
            {{declarations}}
            }

            class Relay
            {
                public void Forward(Busy busy, ISymbol symbol) { var text = symbol.Name; {{calls}} }
            }

            {{extraType}}
            """;
    }

    private static bool MaySend(string extraCall, string extraType)
    {
        var tree = CSharpSyntaxTree.ParseText(Code(extraCall, extraType), path: "/src/Relay.cs");
        var compilation = CSharpCompilation.Create("NoSinkCall", new[] { tree }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var catalog = ModelCatalog.Create(compilation, ModelTable.BuiltIn, null);

        // The premise: every one of these names is a sink's (or a process start's, or a network stream's) here.
        Assert.All(SinkNames, name => Assert.True(catalog.IsSendingName(name), name));

        var index = RelevanceIndex.Build(compilation, catalog, sinksMatter: false, CancellationToken.None);
        var forward = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Forward");
        Assert.True(index.Matters(tree, forward));
        return index.MaySend(tree, forward, CancellationToken.None);
    }

    private const string Pinger = "class Pinger { public void Ping(string text) => new TelemetryClient().TrackEvent(text); }";

    [Fact]
    public void A_member_naming_many_sinks_does_not_send_where_nothing_calls_a_sink()
    {
        Assert.False(MaySend("", ""));
    }

    [Fact]
    public void A_member_that_calls_a_sink_among_them_sends()
    {
        Assert.True(MaySend(" new TelemetryClient().TrackEvent(text);", ""));
    }

    [Fact]
    public void A_member_that_calls_a_sending_member_among_them_sends()
    {
        Assert.True(MaySend(" new Pinger().Ping(text);", Pinger));
    }

    private const string Archive = """
        using System.IO;
        using System.Net.Sockets;
        using System.Text;
        using Microsoft.CodeAnalysis;

        class Archive
        {
            public void Save(Stream stream, ISymbol symbol)
            {
                var bytes = Encoding.UTF8.GetBytes(symbol.Name);
                stream.Write(bytes, 0, bytes.Length);
            }
        }

        """;

    private const string Uplink = "class Uplink { public Stream Open(TcpClient client) => client.GetStream(); }";

    [Theory]
    [InlineData("", false)]
    [InlineData(Uplink, true)]
    public void Writing_to_a_stream_sends_only_where_something_may_open_a_network_stream(string elsewhere, bool maySend)
    {
        var engine = EngineOnFile.Of("NoSinkCallStream" + maySend, Archive + elsewhere, "/src/Archive.cs");
        Assert.Empty(engine.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var save = engine.Method("Archive", "Save");
        var declaration = save.DeclaringSyntaxReferences.Single().GetSyntax();

        Assert.Equal(maySend, engine.Flow.Relevance(CancellationToken.None).MaySend(declaration.SyntaxTree, declaration, CancellationToken.None));
        Assert.Equal(maySend, engine.Flow.Sending.MaySend(save, CancellationToken.None));
    }
}
