using System;
using System.Linq;
using System.Net;
using System.Text;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Decodes a constant the way the decoding call would at run time, so that a report can say where an
/// obfuscated destination really points. Returns null when it cannot (the report then says "decoded").
/// </summary>
internal static class ConstantDecoder
{
    public static string? Apply(string method, string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return method switch
            {
                "FromBase64String" or "FromBase64CharArray" => Encoding.UTF8.GetString(Convert.FromBase64String(text)),
                "FromHexString" => Encoding.UTF8.GetString(FromHex(text)),
                "Reverse" => new string(text.Reverse().ToArray()),
                "UrlDecode" => WebUtility.UrlDecode(text),
                "UnescapeDataString" => Uri.UnescapeDataString(text),
                "GetString" => text,
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] FromHex(string text)
    {
        if (text.Length % 2 != 0)
        {
            throw new FormatException();
        }

        var bytes = new byte[text.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = Convert.ToByte(text.Substring(i * 2, 2), 16);
        }

        return bytes;
    }
}
