using System;
using System.Globalization;

namespace ExfilAudit.Inputs;

/// <summary>
/// Orders a package's target framework folders for a .NET 10 host: the newest .NET up to 10 first, then
/// .NET Standard, then .NET Core, then .NET Framework. Folders it cannot use rank below zero.
/// </summary>
internal static class TargetFrameworkRank
{
    public static double Of(string folder)
    {
        var name = folder.ToLowerInvariant();
        var dash = name.IndexOf('-');
        if (dash >= 0)
        {
            name = name.Substring(0, dash); // net8.0-windows: the platform part does not matter here
        }

        if (name.StartsWith("netstandard", StringComparison.Ordinal))
        {
            return 2000 + Version(name.Substring("netstandard".Length));
        }

        if (name.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            return 1000 + Version(name.Substring("netcoreapp".Length));
        }

        if (name.StartsWith("net", StringComparison.Ordinal))
        {
            var rest = name.Substring(3);
            if (rest.Contains('.'))
            {
                var version = Version(rest);
                return version <= 10 ? 3000 + version : -1; // net11.0 and later need a newer runtime than ours
            }

            return 500 + Version(rest) / 1000; // net472
        }

        return -1;
    }

    private static double Version(string text)
    {
        if (text.Length > 0 && !text.Contains('.'))
        {
            return double.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? whole : 0;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
