using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Benchmarks.Corpus;

/// <summary>What becomes one compilation: its name, its source files and the assemblies it compiles against.</summary>
internal sealed record CorpusProject(string Name, ImmutableArray<SourceFile> Files, ImmutableArray<MetadataReference> References)
{
    public int LineCount { get; } = Files.Sum(f => f.LineCount);
}
