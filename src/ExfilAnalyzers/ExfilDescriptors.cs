using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers;

/// <summary>The diagnostics of SPEC.md. IDs, titles and default severities are the public contract.</summary>
internal static class ExfilDescriptors
{
    public const string Category = "Privacy";
    public const string HelpLinkBase = "https://github.com/ExfilAnalyzers/ExfilAnalyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor InvalidModelEntry = Create(
        "EXF0001",
        "Invalid entry in ExfilModels.txt",
        "{0}",
        "A line of ExfilModels.txt could not be parsed; it is ignored and the rest of the file still applies.",
        enabledByDefault: true);

    public static readonly DiagnosticDescriptor SourceTextReachesSink = Create(
        "EXF1001",
        "Source text reaches a telemetry sink",
        "Source text from '{0}' reaches '{1}'",
        "The contents of the user's code (syntax trees and nodes, SourceText, documents, editor buffers, files read from the workspace) flow into a telemetry or network call.",
        enabledByDefault: true);

    public static readonly DiagnosticDescriptor SymbolNameReachesSink = Create(
        "EXF1002",
        "Symbol name reaches a telemetry sink",
        "Symbol name from '{0}' reaches '{1}'",
        "Names of the user's declarations (ISymbol names and display strings, identifier tokens, reflection names of loaded assemblies) flow into a telemetry or network call.",
        enabledByDefault: true);

    public static readonly DiagnosticDescriptor RepositoryMetadataReachesSink = Create(
        "EXF1003",
        "Repository metadata reaches a telemetry sink",
        "Repository metadata from '{0}' reaches '{1}'",
        "Git remotes, branches, commits and authors, repository, solution, project and document paths and names, CI variables, the working directory, or the user and machine names flow into a telemetry or network call.",
        enabledByDefault: true);

    public static readonly DiagnosticDescriptor ContentTriggeredTelemetry = Create(
        "EXF1004",
        "Telemetry is triggered by code content",
        "'{0}' runs only when a condition tests the content of {1} from '{2}'",
        "A telemetry or network call runs only when a condition over source text, symbol names or repository metadata holds: a keyword trigger.",
        enabledByDefault: true);

    public static readonly DiagnosticDescriptor ObfuscatedPayload = Create(
        "EXF1005",
        "Sensitive payload is obfuscated before it is sent",
        "{0} from '{1}' is {2} before it reaches '{3}'",
        "Sensitive data passes through encryption, compression or encoding on its way to a telemetry or network call, which hides what is sent from anyone who inspects the traffic.",
        enabledByDefault: true);

    public static readonly DiagnosticDescriptor UndeclaredEndpoint = Create(
        "EXF1006",
        "Sensitive data is sent to an undeclared endpoint",
        "{0} from '{1}' is sent by '{2}' to {3}, which is not a declared endpoint",
        "Sensitive data reaches a raw network channel whose destination is not an endpoint declared in ExfilModels.txt.",
        enabledByDefault: true);

    public static readonly DiagnosticDescriptor UngatedTelemetry = Create(
        "EXF1007",
        "Telemetry call is not gated by consent",
        "'{0}' is not gated by a consent check",
        "A telemetry call runs on a path where no consent gate holds. Off by default: enable it for code bases that require consent for all telemetry.",
        enabledByDefault: false);

    private static DiagnosticDescriptor Create(string id, string title, string message, string description, bool enabledByDefault) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, enabledByDefault, description, HelpLinkBase + id + ".md");
}
