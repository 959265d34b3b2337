using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ExfilAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>The compiler's own work on a project, with no analyzer: parse every file, bind and emit the assembly.</summary>
internal sealed record CompileRun(TimeSpan Parse, TimeSpan Emit, int Errors, ImmutableArray<SyntaxTree> Trees)
{
    public TimeSpan Total => Parse + Emit;

    public static CompileRun Measure(CorpusProject project)
    {
        var clock = Stopwatch.StartNew();
        var trees = CorpusCompilation.Parse(project);
        var parse = clock.Elapsed;

        clock.Restart();
        var compilation = CorpusCompilation.Create(project, trees);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var emit = clock.Elapsed;

        var errors = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        return new CompileRun(parse, emit, errors, trees);
    }
}
