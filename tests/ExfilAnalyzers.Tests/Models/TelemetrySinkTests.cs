using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Models;

/// <summary>Each telemetry SDK that SPEC.md lists, compiled against the real package where NuGet serves it.</summary>
public class TelemetrySinkTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using System.Diagnostics.Tracing;
        using Microsoft.ApplicationInsights;
        using Microsoft.ApplicationInsights.DataContracts;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task Application_insights_track_calls_dictionaries_and_metrics()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    client.TrackTrace({|EXF1002:symbol.Name|});
                    client.TrackEvent("analysis", {|EXF1002:new Dictionary<string, string> { ["symbol"] = symbol.Name }|});
                    client.TrackException(new Exception("x"), {|EXF1002:new Dictionary<string, string> { ["at"] = symbol.ToDisplayString() }|});
                    client.GetMetric("symbols", "name").TrackValue(1, {|EXF1002:symbol.Name|});
                    client.Context.GlobalProperties["symbol"] = {|EXF1002:symbol.MetadataName|};
                    var request = new RequestTelemetry();
                    request.Properties.Add("symbol", symbol.Name);
                    client.TrackRequest({|EXF1002:request|});
                    client.TrackEvent("constant", new Dictionary<string, string> { ["kind"] = symbol.Kind.ToString() });
                }
            }
            """);
    }

    [Fact]
    public Task Application_insights_3_shares_the_models_of_2()
    {
        var test = new Verifiers.FlowVerifier.Test
        {
            TestCode = Usings + """
                class Agent
                {
                    void Report(TelemetryClient client, ISymbol symbol)
                    {
                        client.TrackEvent("analysis", {|EXF1002:new Dictionary<string, string> { ["symbol"] = symbol.Name }|});
                        client.TrackTrace({|EXF1002:symbol.ToDisplayString()|});
                        client.TrackEvent("constant");
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(Verifiers.TestReferences.WithApplicationInsights3);
        return test.RunAsync();
    }

    [Fact]
    public Task Telemetry_initializers_write_into_every_item_sent()
    {
        return VerifyAsync(Usings + """
            using Microsoft.ApplicationInsights.Channel;
            using Microsoft.ApplicationInsights.Extensibility;
            sealed class RepositoryInitializer : ITelemetryInitializer
            {
                public void Initialize(ITelemetry telemetry)
                {
                    if (telemetry is ISupportProperties item)
                    {
                        item.Properties["user"] = {|EXF1003:Environment.UserName|};
                        item.Properties.Add("machine", {|EXF1003:Environment.MachineName|});
                        item.Properties["kind"] = "assistant";
                    }

                    telemetry.Context.GlobalProperties["cwd"] = {|EXF1003:Environment.CurrentDirectory|};
                }
            }
            """);
    }

    [Fact]
    public Task Activities_meters_and_event_sources()
    {
        return VerifyAsync(Usings + """
            sealed class AgentEvents : EventSource
            {
                public void Analyzed(string name) => WriteEvent(1, name);
            }

            class Agent
            {
                private static readonly ActivitySource Source = new("Agent");
                private static readonly Meter Meter = new("Agent");
                private static readonly Counter<int> Symbols = Meter.CreateCounter<int>("symbols");

                void Report(ISymbol symbol, Activity activity, DiagnosticSource diagnostics, AgentEvents events)
                {
                    activity.SetTag("symbol", {|EXF1002:symbol.Name|});
                    activity.AddTag("symbol", {|EXF1002:symbol.Name|});
                    activity.AddEvent({|EXF1002:new ActivityEvent("seen", tags: new ActivityTagsCollection { ["symbol"] = symbol.Name })|});
                    activity.AddBaggage("symbol", {|EXF1002:symbol.Name|});
                    using var started = Source.StartActivity(ActivityKind.Internal, tags: {|EXF1002:new[] { new KeyValuePair<string, object>("symbol", symbol.Name) }|});
                    Symbols.Add(1, {|EXF1002:new KeyValuePair<string, object>("symbol", symbol.Name)|});
                    Symbols.Add(1, new KeyValuePair<string, object>("kind", "method"));
                    diagnostics.Write("Agent.Symbol", {|EXF1002:new { Name = symbol.Name }|});
                    events.Analyzed({|EXF1002:symbol.Name|});
                    activity.SetTag("length", symbol.Name.Length);
                }
            }
            """);
    }

    [Fact]
    public Task OpenTelemetry_api()
    {
        return VerifyAsync(Usings + """
            using OpenTelemetry.Trace;
            class Agent
            {
                void Report(Tracer tracer, ISymbol symbol)
                {
                    using var span = tracer.StartActiveSpan("analysis");
                    span.SetAttribute("symbol", {|EXF1002:symbol.Name|});
                    span.AddEvent({|EXF1002:symbol.ToDisplayString()|});
                    span.SetAttribute("count", 3);
                }
            }
            """);
    }

    [Fact]
    public Task Sentry()
    {
        return VerifyAsync(Usings + """
            using Sentry;
            class Agent
            {
                void Report(ISymbol symbol, Document document)
                {
                    SentrySdk.CaptureMessage({|EXF1002:"failed on " + symbol.Name|});
                    SentrySdk.AddBreadcrumb({|EXF1003:document.FilePath|});
                    SentrySdk.ConfigureScope(scope =>
                    {
                        scope.SetTag("symbol", {|EXF1002:symbol.Name|});
                        scope.SetExtra("file", {|EXF1003:document.Name|});
                        scope.User = {|EXF1003:new SentryUser { Username = Environment.UserName }|};
                    });
                    SentrySdk.CaptureException(new InvalidOperationException("constant"));
                }
            }
            """);
    }

    [Fact]
    public Task Visual_studio_telemetry_segment_and_mixpanel()
    {
        return VerifyAsync(Usings + """
            using System.Threading.Tasks;
            using Microsoft.VisualStudio.Telemetry;
            class Agent
            {
                async Task Report(ISymbol symbol, Segment.Analytics.Analytics segment, Mixpanel.MixpanelClient mixpanel)
                {
                    var item = new TelemetryEvent("vs/assistant/symbol");
                    item.Properties["vs.assistant.symbol"] = symbol.Name;
                    TelemetryService.DefaultSession.PostEvent({|EXF1002:item|});
                    TelemetryService.DefaultSession.PostProperty("symbol", {|EXF1002:symbol.Name|});
                    segment.Track("symbol", {|EXF1002:new Dictionary<string, object> { ["name"] = symbol.Name }|});
                    await mixpanel.TrackAsync("symbol", "user-1", {|EXF1002:new { symbol.Name }|});
                    segment.Track("started");
                }
            }
            """);
    }

    [Fact]
    public Task Logging_is_not_telemetry_by_default()
    {
        return VerifyAsync(Usings + """
            using Microsoft.Extensions.Logging;
            class Agent
            {
                void Report(ILogger logger, ISymbol symbol)
                {
                    logger.LogInformation("Analyzing {Symbol}", symbol.Name);
                    Trace.WriteLine(symbol.Name);
                    Debug.WriteLine(symbol.Name);
                    Console.WriteLine(symbol.Name);
                    System.IO.File.WriteAllText("analysis.log", symbol.Name);
                }
            }
            """);
    }

    [Fact]
    public Task Logging_is_telemetry_when_the_option_says_so()
    {
        return new Verifiers.FlowVerifier.Test
        {
            TestCode = Usings + """
                using Microsoft.Extensions.Logging;
                class Agent
                {
                    void Report(ILogger logger, ISymbol symbol)
                    {
                        logger.LogInformation("Analyzing {Symbol}", {|EXF1002:symbol.Name|});
                        Trace.WriteLine({|EXF1002:symbol.Name|});
                        Console.WriteLine({|EXF1002:symbol.Name|});
                        System.IO.File.WriteAllText("analysis.log", symbol.Name);
                    }
                }
                """,
            GlobalConfig = "exfil_analyzers.logging_is_telemetry = true",
        }.RunAsync();
    }
}
