using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A field's value kept for the next compilation of the project, with what it was computed from and the
/// trees its traces point into. Only a value that holds no symbol can be kept: clean, or data with its
/// traces, handles, content tests and destination (no function, no place written through, no
/// parameter). Its traces' locations stay valid while their trees are unchanged: a value whose traces
/// point into an edited file is not taken over (its locations there moved).
/// </summary>
internal sealed class CarriedValue
{
    private CarriedValue(TaintValue value, AnswerDeps deps, ImmutableArray<SyntaxTree> trees)
    {
        Value = value;
        Deps = deps;
        Trees = trees;
    }

    public TaintValue Value { get; }

    public AnswerDeps Deps { get; }

    /// <summary>The trees the value's locations are in.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The value as kept, or null when it holds what only its own compilation can read (a symbol).</summary>
    public static CarriedValue? Of(TaintValue value, AnswerDeps deps)
    {
        if (value.IsClean)
        {
            return new CarriedValue(TaintValue.Clean, deps, ImmutableArray<SyntaxTree>.Empty);
        }

        if (!value.Functions.IsEmpty || value.WritesInto is not null || value.Parameters != 0)
        {
            return null;
        }

        var trees = new List<SyntaxTree>();
        Add(trees, value.SourceText);
        Add(trees, value.SymbolName);
        Add(trees, value.RepositoryMetadata);
        Add(trees, value.ParameterTrace);
        if (value.Condition is { } condition)
        {
            Add(trees, condition.Location);
            Add(trees, condition.TestedTrace);
        }

        return new CarriedValue(value, deps, trees.ToImmutableArray());
    }

    private static void Add(List<SyntaxTree> trees, FlowTrace? trace)
    {
        if (trace is null)
        {
            return;
        }

        Add(trees, trace.SourceLocation);
        Add(trees, trace.ObfuscationLocation);
        foreach (var step in trace.Steps)
        {
            Add(trees, step);
        }
    }

    private static void Add(List<SyntaxTree> trees, Location? location)
    {
        if (location?.SourceTree is { } tree && !trees.Contains(tree)) trees.Add(tree);
    }
}
