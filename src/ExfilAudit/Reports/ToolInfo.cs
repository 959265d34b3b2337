using System.Reflection;

namespace ExfilAudit.Reports;

/// <summary>The tool's name and version as reports state them.</summary>
internal static class ToolInfo
{
    public const string Name = "exfil-audit";
    public const string InformationUri = "https://github.com/ExfilAnalyzers/ExfilAnalyzers";

    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus); // without the commit hash
    }
}
