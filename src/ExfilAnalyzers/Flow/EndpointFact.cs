namespace ExfilAnalyzers.Flow;

/// <summary>
/// What is known of a string as a network destination: the constant text it starts with, and whether
/// that text was decoded from an obfuscated constant (Base64, char arrays, reversed or XORed strings).
/// </summary>
internal sealed class EndpointFact
{
    public EndpointFact(string? knownPrefix, bool isComplete, bool decoded)
    {
        KnownPrefix = knownPrefix;
        IsComplete = isComplete;
        Decoded = decoded;
    }

    /// <summary>The constant text the value starts with, if any.</summary>
    public string? KnownPrefix { get; }

    /// <summary>True when <see cref="KnownPrefix"/> is the whole value.</summary>
    public bool IsComplete { get; }

    /// <summary>True when the value was decoded from an obfuscated constant.</summary>
    public bool Decoded { get; }

    public static EndpointFact Constant(string text) => new(text, isComplete: true, decoded: false);

    public static EndpointFact? Join(EndpointFact? a, EndpointFact? b)
    {
        // Null means nothing is known of the text, which absorbs whatever the other side knows.
        if (a is null || b is null) return null;
        if (SameShape(a, b)) return a;
        var prefix = CommonPrefix(a.KnownPrefix, b.KnownPrefix);
        return new EndpointFact(prefix, isComplete: false, a.Decoded || b.Decoded);
    }

    public static bool SameShape(EndpointFact? a, EndpointFact? b) =>
        a is null ? b is null : b is not null && a.KnownPrefix == b.KnownPrefix && a.IsComplete == b.IsComplete && a.Decoded == b.Decoded;

    private static string? CommonPrefix(string? a, string? b)
    {
        if (a is null || b is null) return null;
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length]) length++;
        return length == 0 ? null : a.Substring(0, length);
    }
}
