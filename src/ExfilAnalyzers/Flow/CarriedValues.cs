using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The field values one compilation of a project computed or took over that hold no symbol
/// (<see cref="CarriedValue"/>), each with what it was computed from (<see cref="AnswerDeps"/>), and
/// what held for the whole compilation (<see cref="CarryConditions"/>): what the project's next
/// compilation in the IDE may take over (<see cref="ValueCarry"/>). It holds paths, names, trees and
/// locations, never a compilation or a symbol.
/// </summary>
internal sealed class CarriedValues
{
    private static readonly RecentByProject<CarriedValues> Recent = new();

    public CarriedValues(CarryConditions conditions) => Conditions = conditions;

    public CarryConditions Conditions { get; }

    /// <summary>
    /// Each value, by its field as the next compilation names it (the member that declares it, and its
    /// name: an auto-property's backing field is declared by the property) and its level.
    /// </summary>
    public ConcurrentDictionary<(BodyKey Declaration, string Name, int Level), CarriedValue> Values { get; } = new();

    public static CarriedValues? Of(Compilation compilation) => Recent.Of(compilation);

    public static void Remember(Compilation compilation, CarriedValues values) => Recent.Remember(compilation, values);

    /// <summary>Forgets every project: for a benchmark whose runs must each start cold, like a command-line build.</summary>
    public static void Forget() => Recent.Forget();
}
