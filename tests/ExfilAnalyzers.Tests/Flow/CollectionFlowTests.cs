using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>A value put into a collection or object taints it; what is read back out is tainted.</summary>
public class CollectionFlowTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.ApplicationInsights;
        using Microsoft.ApplicationInsights.DataContracts;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task Arrays_carry_their_elements()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var names = new[] { "a", symbol.Name };
                    client.TrackEvent({|EXF1002:names[1]|});
                    var filled = new string[2];
                    filled[0] = symbol.MetadataName;
                    client.TrackEvent({|EXF1002:string.Join(",", filled)|});
                }
            }
            """);
    }

    [Fact]
    public Task Array_of_constants_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var names = new[] { "a", "b" };
                    client.TrackEvent(names[symbol.Name.Length % 2]);
                }
            }
            """);
    }

    [Fact]
    public Task Lists_sets_queues_and_dictionaries()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, Document document)
                {
                    var list = new List<string>();
                    list.Add(symbol.Name);
                    client.TrackEvent({|EXF1002:list[0]|});

                    var set = new HashSet<string> { symbol.Name };
                    client.TrackEvent({|EXF1002:set.First()|});

                    var queue = new Queue<string>();
                    queue.Enqueue(document.FilePath);
                    client.TrackEvent({|EXF1003:queue.Dequeue()|});

                    var map = new Dictionary<string, string>();
                    map["path"] = document.Name;
                    client.TrackEvent("e", {|EXF1003:map|});
                }
            }
            """);
    }

    [Fact]
    public Task Collection_of_constants_is_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var map = new Dictionary<string, string> { ["kind"] = symbol.Kind.ToString() };
                    map.Add("length", symbol.Name.Length.ToString());
                    client.TrackEvent("e", map);
                }
            }
            """);
    }

    [Fact]
    public Task Telemetry_item_properties_reach_the_track_call()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var item = new EventTelemetry("analysis");
                    item.Properties["symbol"] = symbol.ToDisplayString();
                    client.TrackEvent({|EXF1002:item|});

                    var other = new EventTelemetry("other");
                    var properties = other.Properties;
                    properties.Add("symbol", symbol.Name);
                    client.TrackEvent({|EXF1002:other|});
                }
            }
            """);
    }

    [Fact]
    public Task Object_and_anonymous_initializers()
    {
        return VerifyAsync(Usings + """
            class Payload { public string Name { get; set; } public int Size { get; set; } }
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var payload = new Payload { Name = symbol.Name, Size = 1 };
                    client.TrackEvent({|EXF1002:payload.Name|});
                    var anonymous = new { Symbol = symbol.Name };
                    client.TrackEvent({|EXF1002:anonymous.ToString()|});
                }
            }
            """);
    }

    [Fact]
    public Task Untouched_member_of_an_object_is_clean()
    {
        return VerifyAsync(Usings + """
            class Payload { public string Name { get; set; } public string Kind { get; set; } }
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var payload = new Payload { Name = symbol.Name, Kind = "method" };
                    client.TrackEvent(payload.Kind);
                }
            }
            """);
    }

    [Fact]
    public Task Records_and_with()
    {
        return VerifyAsync(Usings + """
            record Finding(string Symbol, int Line);
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    var finding = new Finding(symbol.Name, 1);
                    var moved = finding with { Line = 2 };
                    client.TrackEvent({|EXF1002:moved.ToString()|});
                    var cleaned = finding with { Symbol = "redacted" };
                    client.TrackEvent(cleaned.Symbol);
                }
            }
            """);
    }

    /// <summary>
    /// A background sender is often a channel or a stream: what is written in (TryWrite, a WriteAsync that
    /// returns a plain task) comes out where it is read, in the same method or, through a field written
    /// by way of one of its members (<c>_channel.Writer</c>), in another.
    /// </summary>
    [Fact]
    public Task Channels_and_streams_written_asynchronously()
    {
        return VerifyAsync(Usings + """
            using System.IO;
            using System.Text;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            class Agent
            {
                private readonly TelemetryClient _client = new();
                private readonly Channel<string> _pending = Channel.CreateUnbounded<string>();
                private readonly Channel<int> _counts = Channel.CreateUnbounded<int>();

                public void Collect(ISymbol symbol)
                {
                    _pending.Writer.TryWrite(symbol.Name);
                    _counts.Writer.TryWrite(symbol.Name.Length);
                }

                public async Task Pump()
                {
                    await foreach (var name in _pending.Reader.ReadAllAsync()) _client.TrackEvent({|EXF1002:name|});
                    var count = await _counts.Reader.ReadAsync();
                    _client.TrackEvent(count.ToString());
                }

                public async Task Local(Document document)
                {
                    var lines = Channel.CreateBounded<string>(10);
                    await lines.Writer.WriteAsync(document.FilePath);
                    _client.TrackEvent({|EXF1003:await lines.Reader.ReadAsync()|});

                    using var buffer = new MemoryStream();
                    await buffer.WriteAsync(Encoding.UTF8.GetBytes(document.FilePath));
                    _client.TrackEvent({|EXF1003:Encoding.UTF8.GetString(buffer.ToArray())|});
                }
            }
            """);
    }

    [Fact]
    public Task Linq_keeps_the_elements()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, IEnumerable<ISymbol> symbols, INamedTypeSymbol type)
                {
                    var names = symbols.Select(s => s.Name).Where(n => n.Length > 3).ToList();
                    client.TrackEvent({|EXF1002:names.First()|});
                    var members = new[] { type }.SelectMany(t => t.GetMembers()).Select(m => m.Name).ToArray();
                    client.TrackEvent({|EXF1002:members[0]|});
                    var byName = symbols.ToDictionary(s => s.Name, s => 1);
                    client.TrackEvent("e", {|EXF1002:byName.Keys.ToDictionary(k => k, k => k)|});
                    var joined = symbols.Select(s => s.Name).Aggregate((a, b) => a + "," + b);
                    client.TrackEvent({|EXF1002:joined|});
                }
            }
            """);
    }

    [Fact]
    public Task Linq_counts_are_clean()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, IEnumerable<ISymbol> symbols)
                {
                    var count = symbols.Select(s => s.Name).Count(n => n.Length > 3);
                    client.TrackEvent(count.ToString());
                    var any = symbols.Any();
                    client.TrackEvent(any ? "some" : "none");
                    var kinds = symbols.Select(s => s.Kind.ToString()).ToList();
                    client.TrackEvent(kinds[0]);
                }
            }
            """);
    }
}
