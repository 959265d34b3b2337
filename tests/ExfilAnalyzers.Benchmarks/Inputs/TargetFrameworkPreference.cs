using System;
using System.Globalization;

namespace ExfilAnalyzers.Benchmarks.Inputs;

/// <summary>
/// How much a .NET 10 program prefers a package's lib/ folder: the newest .NET up to 10, then .NET
/// Standard, then .NET Core, then .NET Framework. Platform folders (net10.0-android) and newer .NET: zero.
/// </summary>
internal static class TargetFrameworkPreference
{
    public static double Of(string folderName)
    {
        var name = folderName.ToLowerInvariant();
        if (name.Contains('-', StringComparison.Ordinal))
        {
            return 0;
        }

        if (name.StartsWith("netstandard", StringComparison.Ordinal))
        {
            return 200 + Number(name["netstandard".Length..]);
        }

        if (name.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            return 100 + Number(name["netcoreapp".Length..]);
        }

        if (name.StartsWith("net", StringComparison.Ordinal) && name.Contains('.', StringComparison.Ordinal))
        {
            var version = Number(name[3..]);
            return version <= 10 ? 300 + version : 0;
        }

        // net462 and the like: .NET Framework, the last resort.
        return name.StartsWith("net", StringComparison.Ordinal) ? 1 : 0;
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
