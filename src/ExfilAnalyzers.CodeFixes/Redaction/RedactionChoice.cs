namespace ExfilAnalyzers.CodeFixes.Redaction;

/// <summary>The three redaction actions; each is one code action and one Fix All group (its equivalence key).</summary>
internal enum RedactionKind
{
    /// <summary>Wrap the value in a redactor or a declared sanitizer in scope, named by <see cref="RedactionChoice.Name"/>.</summary>
    RedactWith,

    /// <summary>Wrap the value in the project's keyed-hash helper, added when missing.</summary>
    KeyedHash,

    /// <summary>Take the entry that carries the value out, or put a fixed placeholder in its place.</summary>
    Remove,
}

/// <summary>One redaction action, as offered and as Fix All finds it again from its equivalence key.</summary>
internal sealed class RedactionChoice
{
    private const string KeyPrefix = "ExfilAnalyzers.Redact.";
    private const string WithPrefix = KeyPrefix + "With:";

    public RedactionChoice(RedactionKind kind, string name = "")
    {
        Kind = kind;
        Name = name;
    }

    public RedactionKind Kind { get; }

    /// <summary>For <see cref="RedactionKind.RedactWith"/>: how the code names the redactor or sanitizer.</summary>
    public string Name { get; }

    public string EquivalenceKey => Kind switch
    {
        RedactionKind.RedactWith => WithPrefix + Name,
        RedactionKind.KeyedHash => KeyPrefix + "KeyedHash",
        _ => KeyPrefix + "Remove",
    };

    public string Title => Kind switch
    {
        RedactionKind.RedactWith => "Redact with " + Name,
        RedactionKind.KeyedHash => "Replace with a keyed hash",
        _ => "Remove the value",
    };

    public static RedactionChoice? FromKey(string key)
    {
        if (key.StartsWith(WithPrefix, System.StringComparison.Ordinal))
        {
            return new RedactionChoice(RedactionKind.RedactWith, key.Substring(WithPrefix.Length));
        }

        return key switch
        {
            KeyPrefix + "KeyedHash" => new RedactionChoice(RedactionKind.KeyedHash),
            KeyPrefix + "Remove" => new RedactionChoice(RedactionKind.Remove),
            _ => null,
        };
    }
}
