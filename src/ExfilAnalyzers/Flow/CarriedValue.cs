using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A field's value kept for the next compilation of the project, with what it was computed from and the
/// trees its locations are in (<see cref="CarriedTaint"/>); never a parameter. Its locations stay valid
/// while their trees are unchanged: a value whose traces or lambdas are in an edited file is not taken
/// over (they moved).
/// </summary>
internal sealed class CarriedValue
{
    private static readonly ImmutableArray<SyntaxTree> NoTrees = ImmutableArray<SyntaxTree>.Empty;

    private readonly CarriedTaint _value;

    private CarriedValue(CarriedTaint value, AnswerDeps deps, ImmutableArray<SyntaxTree> trees)
    {
        _value = value;
        Deps = deps;
        Trees = trees;
    }

    public AnswerDeps Deps { get; }

    /// <summary>The same value with another record of what it was computed from.</summary>
    public CarriedValue WithDeps(AnswerDeps deps) => new(_value, deps, Trees);

    /// <summary>The trees the value's locations are in.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The value as kept, or null when it holds what only its own compilation can read (a parameter, a local place, a function that cannot be found again).</summary>
    public static CarriedValue? Of(TaintValue value, AnswerDeps deps)
    {
        if (value.IsClean)
        {
            return new CarriedValue(CarriedTaint.Clean, deps, NoTrees);
        }

        var trees = new List<SyntaxTree>();
        return value.Parameters == 0 && CarriedTaint.Of(value, trees) is { } carried ? new CarriedValue(carried, deps, trees.ToImmutableArray()) : null;
    }

    /// <summary>The value in the compilation, its functions found again there; null when one cannot be.</summary>
    public TaintValue? In(FlowContext context, System.Threading.CancellationToken cancellationToken) => _value.In(context, cancellationToken);
}
