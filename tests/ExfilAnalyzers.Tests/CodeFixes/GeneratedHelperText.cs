namespace ExfilAnalyzers.Tests.CodeFixes;

/// <summary>The helpers the fixes add to a test project (global namespace, nullable annotations on), as the user gets them.</summary>
internal static class GeneratedHelperText
{
    public const string KeyedHashFile = "TelemetryKeyedHash.cs";

    public const string KeyedHash = """
        #nullable enable

        using System;
        using System.Globalization;
        using System.IO;
        using System.Security.Cryptography;
        using System.Text;

        /// <summary>
        /// One-way keyed hash (HMAC-SHA256) for values that telemetry may group by but must not carry,
        /// added by the ExfilAnalyzers code fix "Replace with a keyed hash". The key is random and stays on
        /// this installation, so the receiver cannot reverse a hash or test guesses against it.
        /// </summary>
        internal static class TelemetryKeyedHash
        {
            private const int KeyLength = 32;

            private static readonly byte[] Key = LoadOrCreateKey();

            /// <summary>The lower-case hex HMAC-SHA256 of the value's UTF-8 bytes; empty for null.</summary>
            public static string Compute(string? value)
            {
                if (value == null)
                {
                    return string.Empty;
                }

                using (var hmac = new HMACSHA256(Key))
                {
                    var digest = hmac.ComputeHash(Encoding.UTF8.GetBytes(value));
                    var hex = new StringBuilder(digest.Length * 2);
                    foreach (var b in digest)
                    {
                        hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                    }

                    return hex.ToString();
                }
            }

            private static byte[] LoadOrCreateKey()
            {
                var key = new byte[KeyLength];
                using (var random = RandomNumberGenerator.Create())
                {
                    random.GetBytes(key);
                }

                var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
                if (root.Length == 0)
                {
                    return key;
                }

                var folder = Path.Combine(root, "TestProject");
                var path = Path.Combine(folder, "telemetry-hash.key");
                try
                {
                    if (File.Exists(path))
                    {
                        var stored = File.ReadAllBytes(path);
                        if (stored.Length == KeyLength)
                        {
                            return stored;
                        }
                    }

                    Directory.CreateDirectory(folder);
                    File.WriteAllBytes(path, key);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    // No writable profile folder: this process keeps its own key, so hashes match within it only.
                }

                return key;
            }
        }

        """;

    public const string OptInFile = "TelemetryOptIn.cs";

    public const string OptIn = """
        using System;

        /// <summary>
        /// Consent to send telemetry: off until the user sets TESTPROJECT_TELEMETRY_OPTIN=1. Added by the
        /// ExfilAnalyzers code fix "Gate"; the analyzers recognise the check as a consent gate.
        /// </summary>
        internal static class TelemetryOptIn
        {
            /// <summary>The environment variable that turns telemetry on.</summary>
            public const string Variable = "TESTPROJECT_TELEMETRY_OPTIN";

            /// <summary>True only when the user opted in.</summary>
            public static bool IsEnabled => Environment.GetEnvironmentVariable(Variable) == "1";
        }

        """;
}
