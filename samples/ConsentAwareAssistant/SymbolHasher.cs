using System;
using System.Security.Cryptography;
using System.Text;

namespace ConsentAwareAssistant;

/// <summary>
/// Turns a member name into a keyed hash: the same member groups together across reports, yet the
/// name cannot be read back, and the per-installation key stops dictionary look-ups of common names.
/// </summary>
public sealed class SymbolHasher
{
    private readonly byte[] _key;

    public SymbolHasher(byte[] installationKey)
    {
        _key = installationKey;
    }

    public string Hash(string symbolName)
    {
        var digest = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(symbolName));
        return Convert.ToHexString(digest);
    }
}
