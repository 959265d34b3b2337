using System.Collections.Generic;

namespace ExfilAnalyzers.Models;

/// <summary>
/// The names the models make sources, consent gates and sinks: all that the name-based relevance
/// filter knows of the models. Holds no symbol, so it may outlive its compilation.
/// </summary>
internal sealed record ModelNames(HashSet<string> Sources, HashSet<string> Gates, HashSet<string> Sinks)
{
    /// <summary>True when the other compilation's models name the same sources, gates and sinks.</summary>
    public bool SameAs(ModelNames other) =>
        ReferenceEquals(this, other)
        || Sources.SetEquals(other.Sources) && Gates.SetEquals(other.Gates) && Sinks.SetEquals(other.Sinks);
}
