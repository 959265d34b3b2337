using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Tactics;

/// <summary>A sink reached only where a consent gate holds is not reported (unless report_gated); EXF1007 reports ungated telemetry.</summary>
public class ConsentGateTests
{
    private const string Usings = """
        using System;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        namespace Contoso.Telemetry
        {
            public static class Consent
            {
                public static bool IsGranted { get; set; }
                public static bool Allows(string feature) => IsGranted;
            }
        }

        """;

    private const string GateModel = """
        gate P:Contoso.Telemetry.Consent.IsGranted
        gate M:Contoso.Telemetry.Consent.Allows(System.String)
        """;

    [Fact]
    public Task Declared_gate_in_its_path_sensitive_forms()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Guarded(TelemetryClient client, ISymbol symbol)
                {
                    if (Contoso.Telemetry.Consent.IsGranted)
                    {
                        client.TrackEvent(symbol.Name);
                    }
                }

                void EarlyReturn(TelemetryClient client, ISymbol symbol)
                {
                    if (!Contoso.Telemetry.Consent.Allows("symbols")) return;
                    client.TrackEvent(symbol.Name);
                }

                void ShortCircuit(TelemetryClient client, ISymbol symbol)
                {
                    _ = Contoso.Telemetry.Consent.IsGranted && Send(client, symbol);
                }

                static bool Send(TelemetryClient client, ISymbol symbol)
                {
                    if (!Contoso.Telemetry.Consent.IsGranted) return false;
                    client.TrackEvent(symbol.Name);
                    return true;
                }

                void KeptInALocal(TelemetryClient client, ISymbol symbol)
                {
                    var allowed = Contoso.Telemetry.Consent.IsGranted;
                    if (allowed == false) return;
                    client.TrackEvent(symbol.Name);
                }
            }
            """, GateModel);
    }

    [Fact]
    public Task Gate_after_the_send_inverted_or_on_another_path_does_not_count()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void After(TelemetryClient client, ISymbol symbol)
                {
                    client.TrackEvent({|EXF1002:symbol.Name|});
                    if (!Contoso.Telemetry.Consent.IsGranted) return;
                }

                void Inverted(TelemetryClient client, ISymbol symbol)
                {
                    if (!Contoso.Telemetry.Consent.IsGranted)
                    {
                        client.TrackEvent({|EXF1002:symbol.Name|});
                    }
                }

                void EitherWay(TelemetryClient client, ISymbol symbol)
                {
                    if (Contoso.Telemetry.Consent.IsGranted) client.TrackEvent("consented");
                    client.TrackEvent({|EXF1002:symbol.Name|});
                }
            }
            """, GateModel);
    }

    [Fact]
    public Task Helper_that_checks_consent_gates_its_callers()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                static void EnsureConsent()
                {
                    if (!Contoso.Telemetry.Consent.IsGranted) throw new InvalidOperationException("no consent");
                }

                static bool TelemetryAllowed() => Contoso.Telemetry.Consent.IsGranted && Environment.GetEnvironmentVariable("CI") == null;

                void Report(TelemetryClient client, ISymbol symbol)
                {
                    EnsureConsent();
                    client.TrackEvent(symbol.Name);
                }

                void Other(TelemetryClient client, ISymbol symbol)
                {
                    if (!TelemetryAllowed()) return;
                    client.TrackEvent(symbol.Name);
                }
            }
            """, GateModel);
    }

    [Fact]
    public Task Opt_out_and_opt_in_environment_variables_are_gates_without_declaration()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void OptOut(TelemetryClient client, ISymbol symbol)
                {
                    if (Environment.GetEnvironmentVariable("CONTOSO_TELEMETRY_OPTOUT") == "1") return;
                    client.TrackEvent(symbol.Name);
                }

                void OptOutUnset(TelemetryClient client, ISymbol symbol)
                {
                    var optOut = Environment.GetEnvironmentVariable("ASSISTANT_TELEMETRY_OPT_OUT");
                    if (string.IsNullOrEmpty(optOut))
                    {
                        client.TrackEvent(symbol.Name);
                    }
                }

                void OptIn(TelemetryClient client, ISymbol symbol)
                {
                    if (Environment.GetEnvironmentVariable("CONTOSO_TELEMETRY_OPTIN") is "1" or "true")
                    {
                        client.TrackEvent(symbol.Name);
                    }
                }

                void OptInMisread(TelemetryClient client, ISymbol symbol)
                {
                    if (Environment.GetEnvironmentVariable("CONTOSO_TELEMETRY_OPTIN") != "1")
                    {
                        client.TrackEvent({|EXF1002:symbol.Name|});
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Gate_that_is_constant_false_leaves_nothing_to_send()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                const bool TelemetryEnabled = false;

                void Report(TelemetryClient client, ISymbol symbol)
                {
                    if (TelemetryEnabled && Contoso.Telemetry.Consent.IsGranted)
                    {
                        client.TrackEvent(symbol.Name);
                    }
                }
            }
            """, GateModel);
    }

    [Fact]
    public Task Strict_audit_reports_gated_calls_too()
    {
        return new Verifiers.FlowVerifier.Test
        {
            TestCode = Usings + """
                class Agent
                {
                    void Report(TelemetryClient client, ISymbol symbol)
                    {
                        if (Contoso.Telemetry.Consent.IsGranted) client.TrackEvent({|EXF1002:symbol.Name|});
                    }
                }
                """,
            Models = GateModel,
            GlobalConfig = "exfil_analyzers.report_gated = true",
        }.RunAsync();
    }

    [Fact]
    public Task Ungated_telemetry_is_reported_when_teams_require_consent_for_all()
    {
        return new Verifiers.FlowVerifier.Test
        {
            TestCode = Usings + """
                class Agent
                {
                    async System.Threading.Tasks.Task Report(TelemetryClient client, System.Net.Http.HttpClient http)
                    {
                        {|EXF1007:client.TrackEvent("started")|};
                        if (Contoso.Telemetry.Consent.IsGranted) client.TrackEvent("consented");
                        await http.GetAsync("https://example.net/");
                    }
                }
                """,
            Models = GateModel,
            RequireConsentForAllTelemetry = true,
        }.RunAsync();
    }
}
