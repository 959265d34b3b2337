using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ExfilAnalyzers.Benchmarks.Corpus;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>One project: the compiler's median time and each suite's result.</summary>
internal sealed record ProjectResult(CorpusProject Project, TimeSpan Parse, TimeSpan Compile, int CompileErrors, ImmutableArray<SuiteResult> Suites)
{
    public static ProjectResult From(CorpusProject project, IReadOnlyList<CompileRun> compiles, ImmutableArray<SuiteResult> suites) =>
        new(project, Median.Of(compiles.Select(c => c.Parse)), Median.Of(compiles.Select(c => c.Total)), compiles[^1].Errors, suites);

    public SuiteResult? For(AnalyzerSuite suite) => Suites.FirstOrDefault(s => s.Suite == suite);
}
