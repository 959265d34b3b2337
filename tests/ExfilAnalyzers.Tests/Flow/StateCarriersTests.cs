using System.Linq;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// Which state the bound "may send" follows to its writers (<see cref="StateCarriers"/>): what can
/// hold a function or a network stream, and not plain data, this compilation's own types or
/// interfaces, whose behaviour is followed through their members.
/// </summary>
public class StateCarriersTests
{
    private const string Holder = """
        using System;
        using System.Collections.Generic;

        class Own { }

        class Holder<T>
        {
            Action<string> Callback;
            event EventHandler Changed;
            List<Func<int>> Handlers;
            System.IO.StreamWriter Writer;
            Lazy<System.IO.Stream> LazyStream;
            System.Net.Sockets.NetworkStream Network;
            System.Text.Json.Utf8JsonWriter Json;
            object Anything;
            T Item;
            string Text;
            System.Text.StringBuilder Builder;
            List<string> Names;
            Own Mine;
            IDisposable Resource;
        }
        """;

    [Theory]
    [InlineData("Callback", nameof(StateCarrier.Functions))]
    [InlineData("Changed", nameof(StateCarrier.Functions))]
    [InlineData("Handlers", nameof(StateCarrier.Functions))]
    [InlineData("Writer", nameof(StateCarrier.Streams))]
    [InlineData("LazyStream", nameof(StateCarrier.Streams))]
    [InlineData("Network", nameof(StateCarrier.Streams))]
    [InlineData("Json", nameof(StateCarrier.Streams))]
    [InlineData("Anything", nameof(StateCarrier.Anything))]
    [InlineData("Item", nameof(StateCarrier.Anything))]
    [InlineData("Text", nameof(StateCarrier.Data))]
    [InlineData("Builder", nameof(StateCarrier.Data))]
    [InlineData("Names", nameof(StateCarrier.Data))]
    [InlineData("Mine", nameof(StateCarrier.Data))]
    [InlineData("Resource", nameof(StateCarrier.Data))]
    public void State_carries_what_its_type_can_hold(string member, string expected)
    {
        var compilation = CSharpCompilation.Create("StateCarriers", new[] { CSharpSyntaxTree.ParseText(Holder) }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var state = compilation.GetTypeByMetadataName("Holder`1")!.GetMembers(member).Single();

        Assert.Equal(expected, StateCarriers.Of(state).ToString());
    }
}
