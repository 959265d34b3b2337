using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A field's value kept for the next compilation of the project, with what it was computed from and the
/// trees its locations are in. What it holds must mean the same in the next compilation: data with its
/// traces, handles, content tests and destination; functions, by what finds them again
/// (<see cref="CarriedFunction"/>); a shared place written through, by what names it
/// (<see cref="CarriedPlace"/>); never a parameter. Its locations stay valid while their trees are
/// unchanged: a value whose traces or lambdas are in an edited file is not taken over (they moved).
/// </summary>
internal sealed class CarriedValue
{
    private readonly TaintValue _value;
    private readonly ImmutableArray<CarriedFunction> _functions;
    private readonly CarriedPlace? _writesInto;

    private CarriedValue(TaintValue value, ImmutableArray<CarriedFunction> functions, CarriedPlace? writesInto, AnswerDeps deps, ImmutableArray<SyntaxTree> trees)
    {
        _value = value;
        _functions = functions;
        _writesInto = writesInto;
        Deps = deps;
        Trees = trees;
    }

    public AnswerDeps Deps { get; }

    /// <summary>The trees the value's locations are in.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The value as kept, or null when it holds what only its own compilation can read (a parameter, a local place, a function that cannot be found again).</summary>
    public static CarriedValue? Of(TaintValue value, AnswerDeps deps)
    {
        if (value.IsClean)
        {
            return new CarriedValue(TaintValue.Clean, ImmutableArray<CarriedFunction>.Empty, null, deps, ImmutableArray<SyntaxTree>.Empty);
        }

        CarriedPlace? writesInto = null;
        if (value.Parameters != 0 || value.WritesInto is { } place && (writesInto = CarriedPlace.Of(place)) is null)
        {
            return null;
        }

        var trees = new List<SyntaxTree>();
        var functions = ImmutableArray.CreateBuilder<CarriedFunction>(value.Functions.Length);
        foreach (var function in value.Functions)
        {
            if (CarriedFunction.Of(function) is not { } carried) return null;
            functions.Add(carried);
            if (carried.Tree is { } tree && !trees.Contains(tree)) trees.Add(tree);
        }

        Add(trees, value.SourceText);
        Add(trees, value.SymbolName);
        Add(trees, value.RepositoryMetadata);
        Add(trees, value.ParameterTrace);
        if (value.Condition is { } condition)
        {
            Add(trees, condition.Location);
            Add(trees, condition.TestedTrace);
        }

        // The functions and the place are kept apart, by what finds them again: the value keeps nothing of this compilation.
        var kept = value.Functions.IsEmpty ? value : value.WithFunctions(ImmutableArray<FunctionRef>.Empty);
        kept = writesInto is null ? kept : kept.WithWritesInto(null, value.WriteObfuscation);
        return new CarriedValue(kept, functions.MoveToImmutable(), writesInto, deps, trees.ToImmutableArray());
    }

    /// <summary>The value in the compilation, its functions found again there; null when one cannot be.</summary>
    public TaintValue? In(FlowContext context, System.Threading.CancellationToken cancellationToken)
    {
        var value = _value;
        if (_writesInto is not null)
        {
            if (_writesInto.In(context.Compilation) is not { } place) return null;
            value = value.WithWritesInto(place, value.WriteObfuscation);
        }

        if (_functions.IsEmpty)
        {
            return value;
        }

        var functions = ImmutableArray.CreateBuilder<FunctionRef>(_functions.Length);
        foreach (var function in _functions)
        {
            if (function.In(context, cancellationToken) is not { } found) return null;
            functions.Add(found);
        }

        return value.WithFunctions(functions.MoveToImmutable());
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
