using System.Globalization;

namespace ExfilAnalyzers.Benchmarks.Generated;

/// <summary>A feature's helpers: string and collection code that carries whatever it is given, and plain computation.</summary>
internal static class HelpersTemplate
{
    public static string Text(int module)
    {
        var n = module.ToString(CultureInfo.InvariantCulture);
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Text;

            namespace Contoso.Assistant.Feature{{n}};

            public static class Helpers
            {
                private static readonly char[] Separators = { ' ', '\t', '.', ',', ';', '(', ')', '<', '>' };

                public static string Format(string value) => "[" + Normalize(value) + "]";

                public static string Normalize(string value)
                {
                    var builder = new StringBuilder(value.Length);
                    foreach (var c in value)
                    {
                        builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
                    }

                    return builder.ToString().Trim();
                }

                public static string Truncate(string value, int length) =>
                    value.Length <= length ? value : value.Substring(0, length) + "…";

                public static IEnumerable<string> Words(string text)
                {
                    foreach (var part in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (part.Length > 1)
                        {
                            yield return part.ToLowerInvariant();
                        }
                    }
                }

                public static int Distance(string a, string b)
                {
                    var previous = new int[b.Length + 1];
                    var current = new int[b.Length + 1];
                    for (var j = 0; j <= b.Length; j++)
                    {
                        previous[j] = j;
                    }

                    for (var i = 1; i <= a.Length; i++)
                    {
                        current[0] = i;
                        for (var j = 1; j <= b.Length; j++)
                        {
                            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                            current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                        }

                        (previous, current) = (current, previous);
                    }

                    return previous[b.Length];
                }

                public static Dictionary<string, int> Histogram(IEnumerable<string> words)
                {
                    var histogram = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (var word in words)
                    {
                        histogram[word] = histogram.TryGetValue(word, out var count) ? count + 1 : 1;
                    }

                    return histogram;
                }

                public static IReadOnlyList<KeyValuePair<string, int>> Top(Dictionary<string, int> histogram, int count) =>
                    histogram.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count).ToList();

                public static string Describe(TimeSpan elapsed) => elapsed.TotalSeconds >= 1
                    ? elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s"
                    : elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";

                public static bool TryParseRange(string text, out int start, out int end)
                {
                    start = 0;
                    end = 0;
                    var dash = text.IndexOf('-', StringComparison.Ordinal);
                    return dash > 0
                        && int.TryParse(text.AsSpan(0, dash), NumberStyles.Integer, CultureInfo.InvariantCulture, out start)
                        && int.TryParse(text.AsSpan(dash + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out end)
                        && start <= end;
                }

                public static string CamelToWords(string identifier)
                {
                    var builder = new StringBuilder();
                    for (var i = 0; i < identifier.Length; i++)
                    {
                        if (i > 0 && char.IsUpper(identifier[i]) && !char.IsUpper(identifier[i - 1]))
                        {
                            builder.Append(' ');
                        }

                        builder.Append(char.ToLowerInvariant(identifier[i]));
                    }

                    return builder.ToString();
                }
            }
            """;
    }
}
