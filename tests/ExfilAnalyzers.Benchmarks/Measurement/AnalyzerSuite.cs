using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>A set of analyzers measured together: ours, or one peer's.</summary>
internal sealed record AnalyzerSuite(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, bool IsOurs);
