using System.Globalization;
using System.Text;
using ExfilAnalyzers.Benchmarks.Corpus;

namespace ExfilAnalyzers.Benchmarks.Generated;

/// <summary>
/// One call chain of the call-chain series: a symbol's name enters at <c>Head.OnSymbolSelected</c> and is passed
/// on through <c>Step0</c> … <c>Step(N-1)</c>, each step calling the next, until the last one sends it to
/// <c>TelemetryClient.TrackEvent</c>. The steps are spread over four files so that every kind of call the engine
/// follows is on the path: instance methods (Head), static methods (Stages), an interface call into the first
/// step of Middle (IRelay.Relay), and instance methods of another object (Tail), which holds the client.
/// </summary>
internal static class CallChainTemplate
{
    /// <summary>Head, Stages, Middle, Tail: the segments the steps are divided into, in order.</summary>
    private const int Segments = 4;

    public static SourceFile[] Files(int chain, int length)
    {
        var c = chain.ToString(CultureInfo.InvariantCulture);
        var folder = "Chains/Chain" + c + "/";
        return new[]
        {
            new SourceFile(folder + "Head.cs", Head(c, Steps(0, length))),
            new SourceFile(folder + "Stages.cs", Stages(c, Steps(1, length))),
            new SourceFile(folder + "Middle.cs", Middle(c, Steps(2, length))),
            new SourceFile(folder + "Tail.cs", Tail(c, Steps(3, length))),
        };
    }

    /// <summary>The folder of a chain's files: every finding of the chain should be in it, and there should be one.</summary>
    public static string FolderOf(string path) => path.StartsWith("Chains/", System.StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : string.Empty;

    /// <summary>The steps of a segment: [first, last], N/4 of them (rounded), all non-empty from N = 4.</summary>
    private static (int First, int Last, int Length) Steps(int segment, int length) =>
        ((segment * length) / Segments, (((segment + 1) * length) / Segments) - 1, length);

    private static string Head(string c, (int First, int Last, int Length) steps) => $$"""
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        namespace Contoso.Chains.Chain{{c}};

        public interface IRelay
        {
            void Relay(string value);
        }

        public sealed class Head
        {
            private readonly IRelay _relay;

            public Head(TelemetryClient telemetry)
            {
                _relay = new Middle(new Tail(telemetry));
            }

            public void OnSymbolSelected(ISymbol symbol) => Step{{steps.First}}(symbol.Name);
        {{Methods(steps, i => $"public void Step{i}(string value)", (i, last) => last ? $"Stages.Step{i + 1}(tagged, _relay);" : $"Step{i + 1}(tagged);")}}
        }
        """;

    private static string Stages(string c, (int First, int Last, int Length) steps) => $$"""
        namespace Contoso.Chains.Chain{{c}};

        public static class Stages
        {
        {{Methods(steps, i => $"public static void Step{i}(string value, IRelay relay)", (i, last) => last ? "relay.Relay(tagged);" : $"Step{i + 1}(tagged, relay);")}}
        }
        """;

    private static string Middle(string c, (int First, int Last, int Length) steps) => $$"""
        namespace Contoso.Chains.Chain{{c}};

        public sealed class Middle : IRelay
        {
            private readonly Tail _tail;

            public Middle(Tail tail)
            {
                _tail = tail;
            }

        {{Methods(steps, i => i == steps.First ? "public void Relay(string value)" : $"public void Step{i}(string value)",
            (i, last) => last ? $"_tail.Step{i + 1}(tagged);" : $"Step{i + 1}(tagged);")}}
        }
        """;

    private static string Tail(string c, (int First, int Last, int Length) steps) => $$"""
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;

        namespace Contoso.Chains.Chain{{c}};

        public sealed class Tail
        {
            private readonly TelemetryClient _telemetry;

            public Tail(TelemetryClient telemetry)
            {
                _telemetry = telemetry;
            }

        {{Methods(steps, i => $"public void Step{i}(string value)",
            (i, last) => last ? "_telemetry.TrackEvent(\"ChainEnd\", new Dictionary<string, string> { [\"value\"] = tagged });" : $"Step{i + 1}(tagged);")}}
        }
        """;

    /// <summary>Each step tags the value and hands it on: a step that did nothing could be skipped by a smarter engine.</summary>
    private static string Methods((int First, int Last, int Length) steps, System.Func<int, string> signature, System.Func<int, bool, string> next)
    {
        var text = new StringBuilder();
        for (var i = steps.First; i <= steps.Last; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $$"""
                    {{signature(i)}}
                    {
                        var tagged = value + "/{{n}}";
                        {{next(i, i == steps.Last)}}
                    }

                """);
        }

        return text.ToString().TrimEnd();
    }
}
