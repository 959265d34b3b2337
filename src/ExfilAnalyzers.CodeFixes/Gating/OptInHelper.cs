using System.Collections.Immutable;
using System.Linq;
using ExfilAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.CodeFixes.Gating;

/// <summary>
/// The consent check "Gate" adds when the project declares no gate: telemetry stays off until the user sets
/// &lt;ASSEMBLYNAME&gt;_TELEMETRY_OPTIN=1. The analyzers recognise an environment variable named *_TELEMETRY_OPTIN
/// compared with "1", through a property like this one, as a consent gate.
/// </summary>
internal static class OptInHelper
{
    public const string TypeName = "TelemetryOptIn";
    public const string PropertyName = "IsEnabled";

    public static HelperTemplate For(Project project)
    {
        var variable = VariableName(project.AssemblyName);
        return new HelperTemplate(
            TypeName,
            PropertyName,
            ImmutableArray.Create("System"),
            "Consent to send telemetry: off until the user sets " + variable + "=1. Added by the\n"
            + "ExfilAnalyzers code fix \"Gate\"; the analyzers recognise the check as a consent gate.",
            ImmutableArray.Create(
                "/// <summary>The environment variable that turns telemetry on.</summary>",
                "public const string Variable = \"" + variable + "\";",
                "",
                "/// <summary>True only when the user opted in.</summary>",
                "public static bool " + PropertyName + " => Environment.GetEnvironmentVariable(Variable) == \"1\";"));
    }

    /// <summary>The opt-in variable of an assembly: its name in capitals, other characters as '_', then _TELEMETRY_OPTIN.</summary>
    public static string VariableName(string assemblyName)
    {
        var stem = new string(assemblyName.Select(c => c < 128 && char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray()).Trim('_');
        return (stem.Length == 0 ? "APP" : stem) + "_TELEMETRY_OPTIN";
    }
}
