using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ExfilAnalyzers.Benchmarks.Corpus;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// One project: the compiler's and the driver's median CPU times and each suite's result; on the real
/// corpus also the binding floor (<see cref="BindingFloor"/>): the median CPU time it adds to the driver,
/// and how many bodies it graphed.
/// </summary>
internal sealed record ProjectResult(CorpusProject Project, TimeSpan Compile, TimeSpan CompileWall, TimeSpan Driver, int CompileErrors, ImmutableArray<SuiteResult> Suites)
{
    public TimeSpan? Floor { get; init; }

    public int? FloorBodies { get; init; }

    public SuiteResult? For(AnalyzerSuite suite) => Suites.FirstOrDefault(s => s.Suite == suite);
}
