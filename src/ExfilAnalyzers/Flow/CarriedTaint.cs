using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// An abstract value kept for the next compilation of the project: data with its traces, parameters,
/// handles, content tests and destination as they are; functions by what finds them again
/// (<see cref="CarriedFunction"/>); a shared place written through by what names it
/// (<see cref="CarriedPlace"/>). Its locations stay valid while their trees are unchanged, so whoever
/// keeps it also keeps the trees they are in (<see cref="Of"/> adds them).
/// </summary>
internal sealed class CarriedTaint
{
    public static readonly CarriedTaint Clean = new(TaintValue.Clean, ImmutableArray<CarriedFunction>.Empty, null);

    private readonly TaintValue _value;
    private readonly ImmutableArray<CarriedFunction> _functions;
    private readonly CarriedPlace? _writesInto;

    private CarriedTaint(TaintValue value, ImmutableArray<CarriedFunction> functions, CarriedPlace? writesInto)
    {
        _value = value;
        _functions = functions;
        _writesInto = writesInto;
    }

    /// <summary>
    /// The value as kept, adding the trees of its locations; null when it holds what only its own
    /// compilation can read (a place of one method's code, a function that cannot be found again).
    /// <paramref name="owner"/>: the method whose summary holds the value, whose parameters it may write through.
    /// </summary>
    public static CarriedTaint? Of(TaintValue value, List<SyntaxTree> trees, IMethodSymbol? owner = null)
    {
        if (value.IsClean)
        {
            return Clean;
        }

        CarriedPlace? writesInto = null;
        if (value.WritesInto is { } place && (writesInto = CarriedPlace.Of(place, owner)) is null)
        {
            return null;
        }

        var functions = ImmutableArray<CarriedFunction>.Empty;
        if (!value.Functions.IsEmpty)
        {
            var builder = ImmutableArray.CreateBuilder<CarriedFunction>(value.Functions.Length);
            foreach (var function in value.Functions)
            {
                if (CarriedFunction.Of(function) is not { } carried) return null;
                builder.Add(carried);
                if (carried.Tree is { } tree && !trees.Contains(tree)) trees.Add(tree);
            }

            functions = builder.MoveToImmutable();
        }

        AddTrees(trees, value.SourceText);
        AddTrees(trees, value.SymbolName);
        AddTrees(trees, value.RepositoryMetadata);
        AddTrees(trees, value.ParameterTrace);
        AddTrees(trees, value.Condition);

        // The functions and the place are kept apart, by what finds them again: the value keeps nothing of this compilation.
        var kept = value.Functions.IsEmpty ? value : value.WithFunctions(ImmutableArray<FunctionRef>.Empty);
        kept = writesInto is null ? kept : kept.WithWritesInto(null, value.WriteObfuscation);
        return new CarriedTaint(kept, functions, writesInto);
    }

    /// <summary>The value in the compilation (<paramref name="owner"/>: the method that holds it there), its functions and place found again there; null when one cannot be.</summary>
    public TaintValue? In(FlowContext context, CancellationToken cancellationToken, IMethodSymbol? owner = null)
    {
        var value = _value;
        if (_writesInto is not null)
        {
            if (_writesInto.In(context.Compilation, owner) is not { } place) return null;
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

    public static void AddTrees(List<SyntaxTree> trees, ConditionFact? condition)
    {
        if (condition is not null)
        {
            AddTree(trees, condition.Location);
            AddTrees(trees, condition.TestedTrace);
        }
    }

    public static void AddTrees(List<SyntaxTree> trees, FlowTrace? trace)
    {
        if (trace is null)
        {
            return;
        }

        AddTree(trees, trace.SourceLocation);
        AddTree(trees, trace.ObfuscationLocation);
        foreach (var step in trace.Steps)
        {
            AddTree(trees, step);
        }
    }

    public static void AddTree(List<SyntaxTree> trees, Location? location)
    {
        if (location?.SourceTree is { } tree && !trees.Contains(tree)) trees.Add(tree);
    }
}
