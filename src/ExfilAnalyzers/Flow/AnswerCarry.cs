using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// One compilation's side of carrying answers between the IDE's compilations of a project: field values,
/// method summaries, "sends nothing" and "sends". On the first answer it needs, it takes over from the project's last compilation
/// every answer that nothing edited since touches (<see cref="EditedCode"/>), a value only when its
/// traces point into no edited file; and it keeps for the next each value and summary it computes that
/// it can name without symbols (<see cref="CarriedValue"/>, <see cref="CarriedSummary"/>) and each
/// "sends nothing" it finds. In the IDE every keystroke is
/// a new compilation: without this, a keystroke in code that sends computes again every value its
/// members read, two thirds of a whole build's flow analyses (docs/benchmark.md, "A keystroke in real
/// code").
/// </summary>
internal sealed class AnswerCarry
{
    private readonly FlowContext _context;
    private readonly object _gate = new();
    private CarriedAnswers? _answers;
    private volatile bool _started;
    private volatile bool _anyDoesNotSend;
    private volatile bool _anySummaries;
    private volatile bool _anySends;
    private EarlyCutoff? _cutoff;
    private int _settling;
    private int _taken;
    private int _takenSummaries;

    public AnswerCarry(FlowContext context)
    {
        _context = context;
        Symbols = new CarriedSymbols(context.Compilation);
    }

    /// <summary>The symbols this compilation's carried answers name, found and named once each.</summary>
    private CarriedSymbols Symbols { get; }

    /// <summary>How many values this compilation took over instead of computing them.</summary>
    public int Taken => Volatile.Read(ref _taken);

    /// <summary>The value taken over for the field at the level, with its record, or null when it must be computed.</summary>
    public FieldAnswer? Take(ISymbol field, int level, CancellationToken cancellationToken)
    {
        if (Answers(cancellationToken) is not { } answers || KeyOf(field, cancellationToken) is not { } key
            || !answers.Values.TryGetValue((key, field.Name, level), out var carried) || carried.In(_context, cancellationToken) is not { } value)
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
        if (CarriedValue.Of(value, deps) is { } carried && Answers(cancellationToken) is { } answers && KeyOf(field, cancellationToken) is { } key)
        {
            answers.Values.TryAdd((key, field.Name, level), carried);
        }
    }

    /// <summary>True once this compilation's answers started from the last compilation's (the conditions were the same).</summary>
    public bool Continues { get; private set; }

    /// <summary>How many method summaries this compilation took over instead of computing them.</summary>
    public int TakenSummaries => Volatile.Read(ref _takenSummaries);

    /// <summary>The summary taken over for the method at the mode, or null when it must be computed.</summary>
    public MethodSummary? TakeSummary(IMethodSymbol method, int mode, CancellationToken cancellationToken)
    {
        if (Answers(cancellationToken) is not { } answers || !_anySummaries || KeyOf(method, cancellationToken) is not { } key
            || !answers.Summaries.TryGetValue((key, method.Name, mode), out var carried) || carried.In(_context, method, Symbols, cancellationToken) is not { } summary)
        {
            return null;
        }

        Interlocked.Increment(ref _takenSummaries);
        WorkCounters.CarriedSummary();
        return summary;
    }

    /// <summary>Keeps a summary this compilation computed for the next, at each mode it serves, when it can be named without symbols.</summary>
    public void KeepSummary(IMethodSymbol method, int fromMode, int toMode, MethodSummary summary, CancellationToken cancellationToken)
    {
        // A summary recorded as made from nothing was not computed from code here (a method skipped, the empty one).
        if (ReferenceEquals(summary.Deps, AnswerDeps.None) || Answers(cancellationToken) is not { } answers || KeyOf(method, cancellationToken) is not { } key
            || CarriedSummary.Of(summary, method, Symbols) is not { } carried)
        {
            return;
        }

        for (var mode = fromMode; mode <= toMode; mode++)
        {
            answers.Summaries.TryAdd((key, method.Name, mode), carried);
        }
    }

    /// <summary>The record of "sends nothing" taken over for the member, or null when its search must be made.</summary>
    public AnswerDeps? TakeDoesNotSend(ISymbol member, CancellationToken cancellationToken) => TakeSending(sends: false, member, cancellationToken);

    /// <summary>Keeps "sends nothing" for the member, for the next compilation.</summary>
    public void KeepDoesNotSend(ISymbol member, AnswerDeps deps, CancellationToken cancellationToken) => KeepSending(sends: false, member, deps, cancellationToken);

    /// <summary>The record of "sends" taken over for the member, or null when its search must be made.</summary>
    public AnswerDeps? TakeSends(ISymbol member, CancellationToken cancellationToken) => TakeSending(sends: true, member, cancellationToken);

    /// <summary>Keeps "sends" for the member, for the next compilation.</summary>
    public void KeepSends(ISymbol member, AnswerDeps deps, CancellationToken cancellationToken) => KeepSending(sends: true, member, deps, cancellationToken);

    private AnswerDeps? TakeSending(bool sends, ISymbol member, CancellationToken cancellationToken)
    {
        // The flags are read once the answers are started: starting them sets the flags.
        if (Answers(cancellationToken) is not { } answers || !(sends ? _anySends : _anyDoesNotSend) || KeyOf(member, cancellationToken) is not { } key
            || !(sends ? answers.Sends : answers.DoesNotSend).TryGetValue((key, member.Name), out var deps))
        {
            return null;
        }

        WorkCounters.CarriedSendingAnswer();
        return deps;
    }

    private void KeepSending(bool sends, ISymbol member, AnswerDeps deps, CancellationToken cancellationToken)
    {
        if (Answers(cancellationToken) is { } answers && KeyOf(member, cancellationToken) is { } key)
        {
            (sends ? answers.Sends : answers.DoesNotSend).TryAdd((key, member.Name), deps);
        }
    }

    /// <summary>
    /// Takes over the answers the edit touched only through the summaries of the members it edited, when
    /// those read as before (<see cref="EarlyCutoff"/>): once, before the first member is analysed for its
    /// own diagnostics (<see cref="SummaryStore.ForRoot"/>), so that nothing has computed them again yet;
    /// a compilation that analyses no member (nothing in it sends) never starts the carry for it. The check
    /// computes the edited members' summaries, which the analysis needs anyway; while it runs, other
    /// threads compute what they need.
    /// </summary>
    public void Settle(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _settling) != 0 || Answers(cancellationToken) is not { } answers || _cutoff is not { } cutoff
            || Interlocked.CompareExchange(ref _settling, 1, 0) != 0)
        {
            return;
        }

        // Answers kept are taken while the check still runs: an edited member's new summary may need one.
        _anySummaries = true;
        _anyDoesNotSend = true;
        WorkCounters.CutoffAnswers(cutoff.Keep(_context, Symbols, answers, cancellationToken));
        _cutoff = null;
    }

    /// <summary>This compilation's answers, started on first use from the last compilation's.</summary>
    private CarriedAnswers? Answers(CancellationToken cancellationToken)
    {
        if (_started)
        {
            return _answers;
        }

        lock (_gate)
        {
            if (!_started)
            {
                var compilation = _context.Compilation;
                var last = CarriedAnswers.Of(compilation);
                var answers = new CarriedAnswers(CarryConditions.Of(_context, cancellationToken), last);
                if (last is not null && last.Conditions.ChangesTo(answers.Conditions, compilation, cancellationToken) is { } edited)
                {
                    foreach (var carried in last.Values)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (!edited.Touches(carried.Value.Deps) && !edited.Moved(carried.Value.Trees)) answers.Values.TryAdd(carried.Key, carried.Value);
                    }

                    foreach (var carried in last.Summaries)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (!edited.Touches(carried.Value.Deps) && !edited.Moved(carried.Value.Trees)) answers.Summaries.TryAdd(carried.Key, carried.Value);
                    }

                    TakeOver(last.DoesNotSend, answers.DoesNotSend, edited, cancellationToken);
                    TakeOver(last.Sends, answers.Sends, edited, cancellationToken);

                    _cutoff = EarlyCutoff.Of(last, edited, cancellationToken);
                    Continues = true;
                    _anyDoesNotSend = !answers.DoesNotSend.IsEmpty;
                    _anySummaries = !answers.Summaries.IsEmpty;
                    _anySends = !answers.Sends.IsEmpty;
                }

                // Remembered only once started: a compilation that never needed an answer leaves the last one's for the next.
                CarriedAnswers.Remember(compilation, answers);
                _answers = answers;
                _started = true;
            }

            return _answers;
        }
    }

    /// <summary>Takes over each sending answer of the last compilation that the edit does not touch.</summary>
    private static void TakeOver(ConcurrentDictionary<(BodyKey Declaration, string Name), AnswerDeps> last,
        ConcurrentDictionary<(BodyKey Declaration, string Name), AnswerDeps> answers, EditedCode edited, CancellationToken cancellationToken)
    {
        foreach (var carried in last)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!edited.Touches(carried.Value)) answers.TryAdd(carried.Key, carried.Value);
        }
    }

    /// <summary>
    /// The member as the next compilation names it (with its name); null when its declaration is not a
    /// member the tree index knows (a local function, a lambda, a constructor the compiler declares).
    /// </summary>
    private static BodyKey? KeyOf(ISymbol member, CancellationToken cancellationToken)
    {
        var references = member.DeclaringSyntaxReferences;
        if (references.IsEmpty || member is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
        {
            return null;
        }

        var key = BodyKey.Of(references[0].GetSyntax(cancellationToken), cancellationToken);
        return key.Index == BodyKey.WholeFile ? null : key;
    }
}
