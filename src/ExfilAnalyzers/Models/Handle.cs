using System;

namespace ExfilAnalyzers.Models;

/// <summary>
/// What an object gives access to, tracked beside taint. Handles are not data: a git process is not
/// repository metadata, but what it prints is.
/// </summary>
[Flags]
internal enum Handle : ushort
{
    None = 0,
    /// <summary>A process whose file name is git: its standard output is repository metadata.</summary>
    GitProcess = 1,
    /// <summary>A process that sends its arguments over the network (curl, wget, PowerShell...).</summary>
    NetworkProcess = 2,
    /// <summary>An assembly loaded at run time, or a type or member of one: its names are the user's.</summary>
    LoadedAssembly = 4,
    /// <summary>A stream whose writes leave the machine (request streams, sockets).</summary>
    NetworkStream = 8,
    /// <summary>A SHA-2 or HMAC hash algorithm: what it computes is a redaction.</summary>
    StrongHash = 16,
    /// <summary>A cipher transform: what it computes is encrypted.</summary>
    Encryptor = 32,
    /// <summary>The value of a telemetry opt-out environment variable (set means no consent).</summary>
    OptOutSetting = 64,
    /// <summary>The value of a telemetry opt-in environment variable (set means consent).</summary>
    OptInSetting = 128,
    /// <summary>The path of a file with a source extension: reading it reads source text.</summary>
    SourceFilePath = 256,
    /// <summary>An object the method was handed (a parameter), not one it made: a telemetry initializer's item.</summary>
    Given = 512,
}

internal static class Handles
{
    public static bool TryParse(string text, out Handle handle) => Enum.TryParse(text, ignoreCase: false, out handle);
}
