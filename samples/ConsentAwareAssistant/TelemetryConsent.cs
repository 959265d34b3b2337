using System;

namespace ConsentAwareAssistant;

/// <summary>
/// Telemetry is off unless the user turned it on: CONTOSO_TELEMETRY_OPTIN=1. Declared as the
/// consent gate in ExfilModels.txt.
/// </summary>
public static class TelemetryConsent
{
    public const string OptInVariable = "CONTOSO_TELEMETRY_OPTIN";

    public static bool IsGranted => Environment.GetEnvironmentVariable(OptInVariable) == "1";
}
