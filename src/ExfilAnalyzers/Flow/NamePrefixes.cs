namespace ExfilAnalyzers.Flow;

/// <summary>Tests of a member's name against a list of prefixes (Add, Append, Read...), ordinal.</summary>
internal static class NamePrefixes
{
    public static bool StartsWithAny(string name, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal)) return true;
        }

        return false;
    }
}
