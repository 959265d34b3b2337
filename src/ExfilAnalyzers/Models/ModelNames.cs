using System.Collections.Generic;

namespace ExfilAnalyzers.Models;

/// <summary>
/// The names the models make sources, consent gates and sinks: all that the name-based relevance
/// filter knows of the models. Holds no symbol, so it may outlive its compilation.
/// </summary>
internal sealed class ModelNames
{
    public ModelNames(HashSet<string> sources, HashSet<string> gates, HashSet<string> sinks)
    {
        Sources = sources;
        Gates = gates;
        Sinks = sinks;
    }

    public HashSet<string> Sources { get; }

    public HashSet<string> Gates { get; }

    public HashSet<string> Sinks { get; }

    /// <summary>True when the other compilation's models name the same sources, gates and sinks.</summary>
    public bool SameAs(ModelNames other) =>
        ReferenceEquals(this, other)
        || Sources.SetEquals(other.Sources) && Gates.SetEquals(other.Gates) && Sinks.SetEquals(other.Sinks);
}
