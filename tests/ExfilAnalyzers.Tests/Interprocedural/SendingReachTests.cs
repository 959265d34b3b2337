using System.Linq;
using System.Threading;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// A method is analysed for its own diagnostics only when what its body binds to can lead to a sink
/// call (<see cref="SendingReach"/>): names alone let nearly every member of a large code base through.
/// Every way a sink call reaches a method's analysis must keep it; a name shared with a sending member,
/// or plain data read from state a sending member writes, must not.
/// </summary>
public class SendingReachTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using System.Net.Sockets;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        """;

    private const string Agents = Usings + """
        interface IExporter { void Export(string item); }

        sealed class CloudExporter : IExporter
        {
            private static readonly TelemetryClient Client = new();
            public void Export(string item) => Client.TrackEvent(item);
        }

        sealed class Recorder { public void Send(string item) { } }

        sealed class Agent
        {
            private static readonly TelemetryClient Client = new();
            private readonly Action<string> _fromInitializer = text => Client.TrackTrace(text);
            private Action<string> _registered = _ => { };
            private Action<string> _installed = _ => { };
            private string _lastSent = "";

            public void Send(string item) { _lastSent = item; Client.TrackEvent(item); }
            public void Register(Action<string> callback) => _registered = callback;
            public void Wire(ISymbol symbol) => Register(text => Client.TrackTrace(text + symbol.Name.Length));
            public void OnInstalled(Action<string> callback) => _installed = callback;
            public void Install() => OnInstalled(text => Client.TrackTrace(text));
            public string Reported { get => _lastSent; set => Client.TrackEvent(value); }

            public void Direct(ISymbol symbol) => Client.TrackEvent(symbol.Name);
            public void ThroughHelper(ISymbol symbol) => Send(symbol.Name);
            public void ThroughInterface(IExporter exporter, ISymbol symbol) => exporter.Export(symbol.Name);
            public void ThroughSetter(ISymbol symbol) => Reported = symbol.Name;
            public void ThroughInitializedField(ISymbol symbol) => _fromInitializer(symbol.Name);
            public void ThroughRegisteredCallback(ISymbol symbol) => _registered(symbol.Name);
            public void ThroughCallbackOfAMemberThatSeesNothing(ISymbol symbol) => _installed(symbol.Name);
            public void ThroughLocalFunction(ISymbol symbol) { Emit(); void Emit() => Client.TrackEvent(symbol.Name); }
            public void ThroughLambda(ISymbol symbol) { Action emit = () => Client.TrackEvent(symbol.Name); emit(); }

            public void SameNameOtherType(Recorder recorder, ISymbol symbol) => recorder.Send(symbol.Name);
            public string ReadsWhatASenderWrote(ISymbol symbol) => _lastSent + symbol.Name;
            public int Arithmetic(int a) => a * 2;
        }
        """;

    [Theory]
    [InlineData("Direct", true)]
    [InlineData("ThroughHelper", true)]
    [InlineData("ThroughInterface", true)]
    [InlineData("ThroughSetter", true)]
    [InlineData("ThroughInitializedField", true)]
    [InlineData("ThroughRegisteredCallback", true)]
    [InlineData("ThroughCallbackOfAMemberThatSeesNothing", true)]
    [InlineData("ThroughLocalFunction", true)]
    [InlineData("ThroughLambda", true)]
    [InlineData("SameNameOtherType", false)]
    [InlineData("ReadsWhatASenderWrote", false)]
    [InlineData("Arithmetic", false)]
    public void A_method_may_send_exactly_when_what_it_binds_to_leads_to_a_sink(string method, bool maySend)
    {
        var engine = EngineOnFile.Of("SendingReach" + method, Agents, "/src/Agent.cs");
        Assert.Empty(engine.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        Assert.Equal(maySend, engine.Flow.Sending.MaySend(engine.Method("Agent", method), CancellationToken.None));
    }

    [Fact]
    public void The_name_filter_alone_keeps_the_traps_the_bound_search_drops()
    {
        // Without this, the negative cases above would say nothing about the search: the names already drop them.
        var engine = EngineOnFile.Of("SendingReachNames", Agents, "/src/Agent.cs");
        var relevance = engine.Flow.Relevance(CancellationToken.None);
        foreach (var name in new[] { "SameNameOtherType", "ReadsWhatASenderWrote" })
        {
            var declaration = engine.Method("Agent", name).DeclaringSyntaxReferences.Single().GetSyntax();
            Assert.True(relevance.MayReport(declaration.SyntaxTree, declaration, CancellationToken.None), name);
        }
    }

    [Fact]
    public void A_stream_field_leads_to_its_writers_only_where_something_may_open_a_network_stream()
    {
        const string Writer = """
            sealed class Journal
            {
                private readonly StreamWriter _writer;
                public Journal(Stream stream) => _writer = new StreamWriter(stream);
                public void Append(ISymbol symbol) => _writer.Write(symbol.Name);
            }

            sealed class Diary
            {
                private static readonly TelemetryClient Client = new();
                public Journal Open(string path) { Client.TrackEvent("diary opened"); return new Journal(File.OpenWrite(path)); }
            }

            """;
        const string Network = """
            sealed class Uplink
            {
                public Journal Open(TcpClient tcp) => new Journal(tcp.GetStream());
            }
            """;

        var local = EngineOnFile.Of("SendingReachLocalStream", Usings + Writer, "/src/Journal.cs");
        var networked = EngineOnFile.Of("SendingReachNetworkStream", Usings + Writer + Network, "/src/Journal.cs");

        Assert.False(local.Flow.Sending.MaySend(local.Method("Journal", "Append"), CancellationToken.None));
        Assert.True(networked.Flow.Sending.MaySend(networked.Method("Journal", "Append"), CancellationToken.None));
    }
}
