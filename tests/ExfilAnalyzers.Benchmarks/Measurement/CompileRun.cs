using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ExfilAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>The compiler's own work on a project, with no analyzer: parse every file, bind and emit the assembly (CPU time and wall).</summary>
internal sealed record CompileRun(TimeSpan Cpu, TimeSpan Wall, int Errors, ImmutableArray<SyntaxTree> Trees)
{
    public static CompileRun Measure(CorpusProject project)
    {
        FullCollection.Now();
        var cpu = ProcessorTime.Now();
        var clock = Stopwatch.StartNew();
        var trees = CorpusCompilation.Parse(project);
        var compilation = CorpusCompilation.Create(project, trees);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var wall = clock.Elapsed;
        cpu = ProcessorTime.Now() - cpu;

        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        return new CompileRun(cpu, wall, errors, trees);
    }
}
