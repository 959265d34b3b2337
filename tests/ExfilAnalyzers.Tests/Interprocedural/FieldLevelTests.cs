using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// Field values are computed by level (docs/design.md): a method's summary reads fields at level 1, a
/// writer analysed for a field's value at level 1 reads other fields at level 0, and level 0 reads them
/// as clean. So one hop of field-to-field flow is followed, and the answer must not depend on which
/// member the IDE asks about first, even though a summary that reads no state is shared by every level.
/// </summary>
public class FieldLevelTests
{
    private const string Store = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        sealed class Store
        {
            private static readonly TelemetryClient Client = new();
            private string _first = "";
            private string _second = "";
            private string _third = "";

            public void Keep(ISymbol symbol) => _first = symbol.Name;

            // Reads a field: its summary differs by level. Relay reads none itself, but calls ReadFirst.
            string ReadFirst() => _first;
            string Relay() => ReadFirst();

            public void CopyFirst() => _second = Relay();
            string ReadSecond() => _second;
            public void CopySecond() => _third = ReadSecond();

        """;

    // Asked first: ReadFirst and Relay summarised at the normal level, where _first holds the name.
    private const string EarlyReader = """
            public void SendFirst()
            {
                Client.TrackEvent({|EXF1002:ReadFirst()|});
                Client.TrackEvent({|EXF1002:Relay()|});
            }

        """;

    // _second holds the name (one hop); _third would need two hops, past the bound.
    private const string LateReader = """
            public void SendCopies()
            {
                Client.TrackEvent({|EXF1002:_second|});
                Client.TrackEvent(_third);
            }

        """;

    // A call cycle in which only Step reads the field: Walk's summary depends on the level through Step.
    private const string CyclicStore = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        sealed class Store
        {
            private static readonly TelemetryClient Client = new();
            private string _first = "";
            private string _second = "";
            private string _third = "";

            public void Keep(ISymbol symbol) => _first = symbol.Name;

            string Walk(int depth) => depth > 0 ? Step(depth - 1) : "";
            string Step(int depth) => depth > 0 ? Walk(depth) : _first;

            public void CopyFirst() => _second = Walk(1);
            string ReadSecond() => _second;
            public void CopySecond() => _third = ReadSecond();

            public void SendFirst() => Client.TrackEvent({|EXF1002:Walk(1)|});

        """;

    [Fact]
    public Task One_hop_between_fields_is_followed_when_the_reader_of_the_first_field_is_summarised_first() =>
        VerifyAsync(Store + EarlyReader + LateReader + "}");

    [Fact]
    public Task One_hop_between_fields_is_followed_when_the_copies_are_read_first() =>
        VerifyAsync(Store + LateReader + EarlyReader + "}");

    [Fact]
    public Task One_hop_between_fields_is_followed_through_a_call_cycle() =>
        VerifyAsync(CyclicStore + LateReader + "}");
}
