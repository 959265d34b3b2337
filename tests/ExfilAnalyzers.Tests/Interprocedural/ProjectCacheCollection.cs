using Xunit;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>
/// Tests that read what the analyzer keeps between a project's compilations. The cache holds only the
/// most recent project firmly and a few others weakly, so an analyzer test running alongside can push the
/// project out (or a collection can take it) between the two compilations: these run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProjectCacheCollection
{
    public const string Name = "Project cache";
}
