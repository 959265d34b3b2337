namespace ExfilAnalyzers.Benchmarks.Inputs;

/// <summary>Why the benchmark project downloads a package.</summary>
internal enum PackageRole
{
    /// <summary>Its assemblies are decompiled into the real corpus.</summary>
    Corpus,

    /// <summary>A dependency that corpus assemblies are compiled against.</summary>
    Reference,

    /// <summary>An analyzer package measured against ours.</summary>
    Peer,
}
