using System;
using System.Collections.Immutable;
using ExfilAnalyzers.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Benchmarks.Generated;

/// <summary>
/// A series of generated projects in which one dimension of interprocedural work doubles from one size to the
/// next (the length of call chains, the number of call sites), the rest staying fixed, with the findings each
/// size should get: one per unit (a chain, a call site), and <see cref="UnitOf"/> says which unit a finding is in.
/// </summary>
internal sealed record CallSeries(
    string Title,
    string SizeSymbol,
    string SizeName,
    string UnitName,
    ImmutableArray<int> Sizes,
    Func<int, CorpusProject> Create,
    Func<int, int> ExpectedFindings,
    Func<Diagnostic, string> UnitOf);
