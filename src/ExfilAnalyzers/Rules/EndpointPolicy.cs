using System;
using System.Collections.Immutable;

namespace ExfilAnalyzers.Rules;

/// <summary>When a destination is one the project declared (EXF1006): same scheme and host, and a path under the declared one.</summary>
internal static class EndpointPolicy
{
    public static bool IsDeclared(string destination, bool isComplete, ImmutableArray<string> endpoints)
    {
        if (endpoints.IsEmpty)
        {
            return false;
        }

        if (isComplete && IsHostName(destination))
        {
            // A socket or DNS destination is a bare host: declared when an endpoint names that host.
            foreach (var endpoint in endpoints)
            {
                if (Uri.TryCreate(endpoint, UriKind.Absolute, out var declaredHost)
                    && string.Equals(declaredHost.Host, destination, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        if (!Uri.TryCreate(destination, UriKind.Absolute, out var target))
        {
            return false;
        }

        // A prefix whose host is not finished yet ("https://telemetry.contoso.com" + suffix) may still
        // become another host ("...contoso.com.evil.example").
        if (!isComplete && !HostIsFinished(destination))
        {
            return false;
        }

        foreach (var endpoint in endpoints)
        {
            if (Uri.TryCreate(endpoint, UriKind.Absolute, out var declared)
                && string.Equals(declared.Scheme, target.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(declared.Host, target.Host, StringComparison.OrdinalIgnoreCase)
                && declared.Port == target.Port
                && IsUnder(target.AbsolutePath, declared.AbsolutePath))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>'/v1' covers '/v1' and '/v1/events', not '/v10'.</summary>
    private static bool IsUnder(string path, string declared) =>
        declared.EndsWith("/", StringComparison.Ordinal)
            ? path.StartsWith(declared, StringComparison.Ordinal)
            : path == declared || path.StartsWith(declared + "/", StringComparison.Ordinal);

    private static bool IsHostName(string text) => text.Length > 0 && Uri.CheckHostName(text) != UriHostNameType.Unknown && text.IndexOf('/') < 0;

    private static bool HostIsFinished(string destination)
    {
        var scheme = destination.IndexOf("://", StringComparison.Ordinal);
        return scheme > 0 && destination.IndexOfAny(new[] { '/', '?', '#' }, scheme + 3) > 0;
    }
}
