using System;

namespace ExfilAnalyzers.Models;

/// <summary>How a sensitive value was hidden on its way to a sink (EXF1005).</summary>
[Flags]
internal enum Obfuscation : byte
{
    None = 0,
    Encrypted = 1,
    Compressed = 2,
    Encoded = 4,
    Scrambled = 8,
}

internal static class Obfuscations
{
    /// <summary>The participle a message uses: "encrypted", "compressed and encoded", ...</summary>
    public static string Participle(this Obfuscation obfuscation)
    {
        var words = new System.Collections.Generic.List<string>(4);
        if ((obfuscation & Obfuscation.Encrypted) != 0) words.Add("encrypted");
        if ((obfuscation & Obfuscation.Compressed) != 0) words.Add("compressed");
        if ((obfuscation & Obfuscation.Encoded) != 0) words.Add("encoded");
        if ((obfuscation & Obfuscation.Scrambled) != 0) words.Add("scrambled");
        return words.Count switch
        {
            0 => "obfuscated",
            1 => words[0],
            _ => string.Join(", ", words.GetRange(0, words.Count - 1)) + " and " + words[words.Count - 1],
        };
    }

    public static bool TryParse(string text, out Obfuscation obfuscation) => Enum.TryParse(text, ignoreCase: false, out obfuscation);
}
