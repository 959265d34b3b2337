using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace ExfilAudit.Analysis;

/// <summary>
/// The findings of an earlier SARIF report, counted by fingerprint, so that only new ones are reported.
/// Each earlier result absorbs one equal finding: a second copy of the same leak is still new.
/// </summary>
internal sealed class Baseline
{
    public const string FingerprintKey = "exfilAudit/v1";

    private readonly Dictionary<string, int> _counts;

    private Baseline(Dictionary<string, int> counts)
    {
        _counts = counts;
    }

    public static Baseline Load(string path)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
            {
                if (!run.TryGetProperty("results", out var results))
                {
                    continue;
                }

                foreach (var result in results.EnumerateArray())
                {
                    if (result.TryGetProperty("partialFingerprints", out var prints)
                        && prints.TryGetProperty(FingerprintKey, out var print)
                        && print.GetString() is { } fingerprint)
                    {
                        counts[fingerprint] = counts.GetValueOrDefault(fingerprint) + 1;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditException($"cannot read baseline {path}: {e.Message}");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new AuditException($"baseline {path} is not a SARIF report: {e.Message}");
        }

        return new Baseline(counts);
    }

    /// <summary>The findings the baseline does not already have, and how many it had.</summary>
    public (List<Finding> New, int Known) Filter(IEnumerable<Finding> findings)
    {
        var remaining = new Dictionary<string, int>(_counts, StringComparer.Ordinal);
        var fresh = new List<Finding>();
        var known = 0;
        foreach (var finding in findings)
        {
            if (remaining.TryGetValue(finding.Fingerprint, out var count) && count > 0)
            {
                remaining[finding.Fingerprint] = count - 1;
                known++;
            }
            else
            {
                fresh.Add(finding);
            }
        }

        return (fresh, known);
    }
}
