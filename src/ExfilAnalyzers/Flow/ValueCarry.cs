using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// One compilation's side of carrying field values between the IDE's compilations of a project. On the
/// first value it needs, it takes over from the project's last compilation every value that nothing
/// edited since touches (<see cref="EditedCode"/>) and whose traces point into no edited file, and keeps
/// each value it computes itself that holds no symbol (<see cref="CarriedValue"/>), for the next. In the IDE every keystroke is a new compilation, and without this a keystroke
/// in code that sends computes again every value its members read, two thirds of a whole build's flow
/// analyses (docs/benchmark.md, "A keystroke in real code").
/// </summary>
internal sealed class ValueCarry
{
    private readonly FlowContext _context;
    private readonly object _gate = new();
    private CarriedValues? _values;
    private volatile bool _started;
    private int _taken;

    public ValueCarry(FlowContext context) => _context = context;

    /// <summary>How many values this compilation took over instead of computing them.</summary>
    public int Taken => Volatile.Read(ref _taken);

    /// <summary>The value taken over for the field at the level, with its record, or null when it must be computed.</summary>
    public FieldAnswer? Take(ISymbol field, int level, CancellationToken cancellationToken)
    {
        if (Values(cancellationToken) is not { } values || KeyOf(field, cancellationToken) is not { } key
            || !values.Values.TryGetValue((key, field.Name, level), out var carried) || carried.In(_context, cancellationToken) is not { } value)
        {
            return null;
        }

        Interlocked.Increment(ref _taken);
        WorkCounters.CarriedValue();
        return new FieldAnswer(value, carried.Deps);
    }

    /// <summary>Keeps a value this compilation computed for the next, when it holds no symbol.</summary>
    public void Keep(ISymbol field, int level, TaintValue value, AnswerDeps deps, CancellationToken cancellationToken)
    {
        if (CarriedValue.Of(value, deps) is { } carried && Values(cancellationToken) is { } values && KeyOf(field, cancellationToken) is { } key)
        {
            values.Values.TryAdd((key, field.Name, level), carried);
        }
    }

    /// <summary>This compilation's values, started on first use from the last compilation's.</summary>
    private CarriedValues? Values(CancellationToken cancellationToken)
    {
        if (_started)
        {
            return _values;
        }

        lock (_gate)
        {
            if (!_started)
            {
                var compilation = _context.Compilation;
                var values = new CarriedValues(CarryConditions.Of(_context, cancellationToken));
                if (CarriedValues.Of(compilation) is { } last && last.Conditions.ChangesTo(values.Conditions, cancellationToken) is { } edited)
                {
                    foreach (var carried in last.Values)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (!edited.Touches(carried.Value.Deps) && !edited.Moved(carried.Value.Trees)) values.Values.TryAdd(carried.Key, carried.Value);
                    }
                }

                // Remembered only once started: a compilation that never needed a value leaves the last one's for the next.
                CarriedValues.Remember(compilation, values);
                _values = values;
                _started = true;
            }

            return _values;
        }
    }

    /// <summary>The field as the next compilation names it; null when its declaration is not a member the tree index knows.</summary>
    private static BodyKey? KeyOf(ISymbol field, CancellationToken cancellationToken)
    {
        var references = field.DeclaringSyntaxReferences;
        if (references.IsEmpty)
        {
            return null;
        }

        var key = BodyKey.Of(references[0].GetSyntax(cancellationToken), cancellationToken);
        return key.Ordinal == BodyKey.WholeFile ? null : key;
    }
}
