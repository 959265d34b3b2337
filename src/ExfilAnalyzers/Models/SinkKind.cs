namespace ExfilAnalyzers.Models;

/// <summary>What a sink sends through. Only raw channels have destinations (EXF1006).</summary>
internal enum SinkKind : byte
{
    Telemetry,
    Network,
    Dns,
    Process,
    Logging,
}

internal static class SinkKinds
{
    public static bool IsRawChannel(this SinkKind kind) => kind is SinkKind.Network or SinkKind.Dns or SinkKind.Process;
}
