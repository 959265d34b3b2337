using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The field values and method summaries one compilation of a project computed or took over, in a form
/// that holds no symbol (<see cref="CarriedValue"/>, <see cref="CarriedSummary"/>), and the members it found to send nothing or to send, each with what it was
/// computed from (<see cref="AnswerDeps"/>), and
/// what held for the whole compilation (<see cref="CarryConditions"/>): what the project's next
/// compilation in the IDE may take over (<see cref="AnswerCarry"/>). It holds paths, names, trees and
/// locations, never a compilation or a symbol.
/// </summary>
internal sealed class CarriedAnswers
{
    private static readonly RecentByProject<CarriedAnswers> Recent = new();

    /// <summary>Sized like <paramref name="sizedLike"/>, the last compilation's: most of its answers are taken over, and growing by rehashing costs more than they do.</summary>
    public CarriedAnswers(CarryConditions conditions, CarriedAnswers? sizedLike = null)
    {
        Conditions = conditions;
        const int threads = 4; // the driver's threads that may write at once; only a lock-striping hint
        Values = new(threads, sizedLike?.Values.Count ?? 0, CarriedKeyComparer.Instance);
        Summaries = new(threads, sizedLike?.Summaries.Count ?? 0, CarriedKeyComparer.Instance);
        DoesNotSend = new(threads, sizedLike?.DoesNotSend.Count ?? 0, CarriedKeyComparer.Instance);
        Sends = new(threads, sizedLike?.Sends.Count ?? 0, CarriedKeyComparer.Instance);
    }

    public CarryConditions Conditions { get; }

    /// <summary>
    /// Each value, by its field as the next compilation names it (the member that declares it, and its
    /// name: an auto-property's backing field is declared by the property) and its level.
    /// </summary>
    public ConcurrentDictionary<(BodyKey Declaration, string Name, int Level), CarriedValue> Values { get; }

    /// <summary>Each method's summary, by the method as the next compilation names it (its declaration and name) and the mode it serves.</summary>
    public ConcurrentDictionary<(BodyKey Declaration, string Name, int Mode), CarriedSummary> Summaries { get; }

    /// <summary>The members whose own analysis can find no sink call (<see cref="SendingReach"/>), by declaration and name.</summary>
    public ConcurrentDictionary<(BodyKey Declaration, string Name), AnswerDeps> DoesNotSend { get; }

    /// <summary>
    /// The members found to reach a sink call (<see cref="SendingReach"/>), by declaration and name: each with the
    /// scans of the path to it. A "sends" kept too long costs an analysis, never a diagnostic.
    /// </summary>
    public ConcurrentDictionary<(BodyKey Declaration, string Name), AnswerDeps> Sends { get; }

    public static CarriedAnswers? Of(Compilation compilation) => Recent.Of(compilation);

    public static void Remember(Compilation compilation, CarriedAnswers values) => Recent.Remember(compilation, values);

    /// <summary>Forgets every project: for a benchmark whose runs must each start cold, like a command-line build.</summary>
    public static void Forget() => Recent.Forget();
}
