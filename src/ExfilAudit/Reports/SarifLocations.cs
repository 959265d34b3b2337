using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using ExfilAudit.Analysis;

namespace ExfilAudit.Reports;

/// <summary>
/// SARIF physical locations. Files under the audited folder are relative to the base id SRCROOT, so a
/// report made on one machine reads on another; others get absolute file URIs.
/// </summary>
internal static class SarifLocations
{
    public const string RootId = "SRCROOT";

    public static string RootUri(string rootDirectory)
    {
        var full = Path.GetFullPath(rootDirectory);
        return new Uri(full.EndsWith(Path.DirectorySeparatorChar) ? full : full + Path.DirectorySeparatorChar).AbsoluteUri;
    }

    public static void WritePhysical(Utf8JsonWriter json, SourceSpot spot)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(spot.DisplayPath) || !Path.IsPathRooted(spot.FullPath))
        {
            json.WriteString("uri", Path.IsPathRooted(spot.FullPath) ? new Uri(spot.FullPath).AbsoluteUri : spot.DisplayPath);
        }
        else
        {
            json.WriteString("uri", string.Join("/", spot.DisplayPath.Split('/').Select(Uri.EscapeDataString)));
            json.WriteString("uriBaseId", RootId);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", spot.StartLine);
        json.WriteNumber("startColumn", spot.StartColumn);
        json.WriteNumber("endLine", spot.EndLine);
        json.WriteNumber("endColumn", spot.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
