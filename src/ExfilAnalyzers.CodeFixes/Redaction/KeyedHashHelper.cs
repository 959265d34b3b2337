using System.Collections.Immutable;
using System.Linq;
using ExfilAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.CodeFixes.Redaction;

/// <summary>
/// The helper "Replace with a keyed hash" adds: HMAC-SHA256 with a random key kept per installation in the
/// user's local application data folder (a key per process where there is none, or it cannot be written).
/// Only APIs that netstandard2.0 and .NET Framework 4.6.1 have; C# 7.3 compatible. The analyzers treat it
/// as a sanitizer because it hashes with HMACSHA256. docs/code-fixes.md explains the trade-offs.
/// </summary>
internal static class KeyedHashHelper
{
    public const string TypeName = "TelemetryKeyedHash";
    public const string MethodName = "Compute";

    public static HelperTemplate For(Project project) => new(
        TypeName,
        MethodName,
        ImmutableArray.Create("System", "System.Globalization", "System.IO", "System.Security.Cryptography", "System.Text"),
        "One-way keyed hash (HMAC-SHA256) for values that telemetry may group by but must not carry,\n"
        + "added by the ExfilAnalyzers code fix \"Replace with a keyed hash\". The key is random and stays on\n"
        + "this installation, so the receiver cannot reverse a hash or test guesses against it.",
        Lines(KeyFolderName(project)));

    /// <summary>The folder under the user's local application data that holds the key: the assembly's name.</summary>
    private static string KeyFolderName(Project project)
    {
        var name = new string(project.AssemblyName.Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_').ToArray());
        return name.Length == 0 ? "Telemetry" : name;
    }

    private static ImmutableArray<string> Lines(string folder) => ImmutableArray.Create(
        "private const int KeyLength = 32;",
        "",
        "private static readonly byte[] Key = LoadOrCreateKey();",
        "",
        "/// <summary>The lower-case hex HMAC-SHA256 of the value's UTF-8 bytes; empty for null.</summary>",
        "public static string Compute(string" + HelperTemplate.NullableMark + " value)",
        "{",
        "    if (value == null)",
        "    {",
        "        return string.Empty;",
        "    }",
        "",
        "    using (var hmac = new HMACSHA256(Key))",
        "    {",
        "        var digest = hmac.ComputeHash(Encoding.UTF8.GetBytes(value));",
        "        var hex = new StringBuilder(digest.Length * 2);",
        "        foreach (var b in digest)",
        "        {",
        "            hex.Append(b.ToString(\"x2\", CultureInfo.InvariantCulture));",
        "        }",
        "",
        "        return hex.ToString();",
        "    }",
        "}",
        "",
        "private static byte[] LoadOrCreateKey()",
        "{",
        "    var key = new byte[KeyLength];",
        "    using (var random = RandomNumberGenerator.Create())",
        "    {",
        "        random.GetBytes(key);",
        "    }",
        "",
        "    var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);",
        "    if (root.Length == 0)",
        "    {",
        "        return key;",
        "    }",
        "",
        "    var folder = Path.Combine(root, \"" + folder + "\");",
        "    var path = Path.Combine(folder, \"telemetry-hash.key\");",
        "    try",
        "    {",
        "        if (File.Exists(path))",
        "        {",
        "            var stored = File.ReadAllBytes(path);",
        "            if (stored.Length == KeyLength)",
        "            {",
        "                return stored;",
        "            }",
        "        }",
        "",
        "        Directory.CreateDirectory(folder);",
        "        File.WriteAllBytes(path, key);",
        "    }",
        "    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)",
        "    {",
        "        // No writable profile folder: this process keeps its own key, so hashes match within it only.",
        "    }",
        "",
        "    return key;",
        "}");
}
