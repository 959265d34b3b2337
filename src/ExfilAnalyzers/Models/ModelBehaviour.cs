namespace ExfilAnalyzers.Models;

/// <summary>What a modelled member does to the data that meets it. See BuiltInModels.txt.</summary>
internal enum ModelBehaviour : byte
{
    Source,
    SourceFromHandle,
    HandleSource,
    Environment,
    FileRead,
    FileList,
    ProcessStart,
    Sanitizer,
    Hash,
    HashFromHandle,
    Obfuscate,
    ObfuscateFromHandle,
    Wrapper,
    ContentTest,
    ContentProbe,
    Clean,
    Sink,
    SinkOnHandle,
    SinkSetter,
    SinkCollection,
    SinkCollectionGiven,
    Gate,
    EndpointCarrier,
    Decode,
    EmptinessTest,
}
