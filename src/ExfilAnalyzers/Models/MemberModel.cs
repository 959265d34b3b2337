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

    public override string ToString() => Behaviour + " " + Api;
}
