namespace ExfilAnalyzers.Models;

/// <summary>One model: what a member does, with the argument its behaviour needs.</summary>
internal sealed class MemberModel
{
    public MemberModel(ModelBehaviour behaviour, string api, TaintLabel label = TaintLabel.None, Handle handle = Handle.None,
        Obfuscation obfuscation = Obfuscation.None, SinkKind sinkKind = SinkKind.Telemetry)
    {
        Behaviour = behaviour;
        Api = api;
        Label = label;
        Handle = handle;
        Obfuscation = obfuscation;
        SinkKind = sinkKind;
    }

    public ModelBehaviour Behaviour { get; }

    /// <summary>The name users read in messages: 'ISymbol.Name', 'TelemetryClient.TrackEvent'.</summary>
    public string Api { get; }

    public TaintLabel Label { get; }

    public Handle Handle { get; }

    public Obfuscation Obfuscation { get; }

    public SinkKind SinkKind { get; }

    public bool IsSink => Behaviour is ModelBehaviour.Sink or ModelBehaviour.SinkOnHandle or ModelBehaviour.SinkSetter or ModelBehaviour.SinkCollection or ModelBehaviour.SinkCollectionGiven;

    /// <summary>
    /// A call the engine may turn into a sink call: a sink, a process start (a network tool's arguments
    /// are sent), or a member that hands out a network stream (what is written to it is sent, wherever).
    /// </summary>
    public bool MaySend => IsSink || Behaviour == ModelBehaviour.ProcessStart
        || Behaviour == ModelBehaviour.HandleSource && (Handle & Handle.NetworkStream) != 0;

    /// <summary>
    /// <see cref="MaySend"/> in a compilation that hands out these handles: a sink on a handle (a stream's
    /// Write) only where the handle it needs may exist (a network stream).
    /// </summary>
    public bool MaySendWhere(Handle handedOut) => MaySend && (Behaviour != ModelBehaviour.SinkOnHandle || handedOut.HasFlag(Handle));

    public override string ToString() => Behaviour + " " + Api;
}
