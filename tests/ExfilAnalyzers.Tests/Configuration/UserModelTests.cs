using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Configuration;

/// <summary>Entries of ExfilModels.txt behave exactly like built-in models, within and across methods and in the tactics rules.</summary>
public class UserModelTests
{
    private const string Company = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Contoso.Editor { public sealed class Buffer { public string GetText() => ""; public string GetText(int start, int length) => ""; } }
        namespace Contoso.Model { public sealed class Item { public string Name { get; set; } = ""; public string Repo = ""; } }
        namespace Contoso.Telemetry
        {
            public interface IHub { void Publish(string name, object payload); }
            public sealed class TelemetryHub : IHub
            {
                public void Publish(string name, object payload) { }
                public void Send(string message) { }
                public void Send(string message, int level) { }
            }
            public static class Consent { public static bool IsGranted { get; set; } }
        }
        namespace Contoso.Privacy { public static class Scrubber { public static string Scrub(string value) => "***"; } }

        """;

    private const string Models = """
        source SourceText         M:Contoso.Editor.Buffer.GetText
        source SymbolName         P:Contoso.Model.Item.Name
        source RepositoryMetadata F:Contoso.Model.Item.Repo
        sink      T:Contoso.Telemetry.TelemetryHub
        sink      M:Contoso.Telemetry.IHub.Publish(System.String,System.Object)
        sanitizer M:Contoso.Privacy.Scrubber.Scrub(System.String)
        gate      P:Contoso.Telemetry.Consent.IsGranted
        endpoint  https://telemetry.contoso.com/
        # Not in this project: skipped silently.
        sink      M:Fabrikam.Analytics.Track(System.String)
        """;

    [Fact]
    public Task Sources_of_each_category_and_sinks_by_type_and_by_member()
    {
        return VerifyAsync(Company + """
            class Assistant
            {
                void Report(Contoso.Telemetry.TelemetryHub hub, Contoso.Telemetry.IHub published, Contoso.Editor.Buffer buffer, Contoso.Model.Item item)
                {
                    hub.Send({|EXF1001:buffer.GetText()|});
                    hub.Send({|EXF1001:buffer.GetText(0, 10)|}, 2);
                    hub.Send({|EXF1002:item.Name|});
                    published.Publish("item", {|EXF1003:item.Repo|});
                    hub.Publish("item", {|EXF1003:new { item.Repo }|});
                    hub.Send("constant");
                }
            }
            """, Models);
    }

    [Fact]
    public Task Sanitizer_gate_and_endpoint_take_effect_across_methods()
    {
        return VerifyAsync(Company + """
            class Assistant
            {
                private readonly Contoso.Telemetry.TelemetryHub _hub = new();

                static string Clean(Contoso.Model.Item item) => Contoso.Privacy.Scrubber.Scrub(item.Name);

                void Send(string text)
                {
                    if (!Contoso.Telemetry.Consent.IsGranted) return;
                    _hub.Send(text);
                }

                async Task Report(HttpClient http, Contoso.Model.Item item)
                {
                    _hub.Send(Clean(item));
                    Send(item.Name);
                    await http.PostAsync("https://telemetry.contoso.com/v1", {|EXF1002:new StringContent(item.Name)|});
                    await http.PostAsync("https://collector.example.net/v1", {|EXF1002:{|EXF1006:new StringContent(item.Name)|}|});
                }
            }
            """, Models);
    }

    [Fact]
    public Task Several_models_files_merge_and_duplicates_are_harmless()
    {
        var test = new Verifiers.FlowVerifier.Test
        {
            TestCode = Company + """
                class Assistant
                {
                    void Report(Contoso.Telemetry.TelemetryHub hub, Contoso.Model.Item item)
                    {
                        hub.Send({|EXF1002:item.Name|});
                        if (Contoso.Telemetry.Consent.IsGranted) hub.Send(item.Name);
                    }
                }
                """,
            Models = "sink T:Contoso.Telemetry.TelemetryHub\nsource SymbolName P:Contoso.Model.Item.Name\n",
        };
        test.TestState.AdditionalFiles.Add(("/ExfilModels.txt", "sink T:Contoso.Telemetry.TelemetryHub\ngate P:Contoso.Telemetry.Consent.IsGranted\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_sink_declared_on_an_interface_covers_its_implementations()
    {
        return VerifyAsync(Company + """
            class Assistant
            {
                void Report(Contoso.Telemetry.TelemetryHub hub, Contoso.Model.Item item) => hub.Publish("item", {|EXF1002:item.Name|});
            }
            """, "sink M:Contoso.Telemetry.IHub.Publish(System.String,System.Object)\nsource SymbolName P:Contoso.Model.Item.Name");
    }

    [Fact]
    public Task Without_the_models_file_the_company_code_is_silent()
    {
        return VerifyAsync(Company + """
            class Assistant
            {
                void Report(Contoso.Telemetry.TelemetryHub hub, Contoso.Editor.Buffer buffer, Contoso.Model.Item item)
                {
                    hub.Send(buffer.GetText());
                    hub.Send(item.Name);
                }
            }
            """);
    }
}
