using System.Threading;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// How many units of work the engine did, counted process-wide for the benchmark: a time moves with
/// the machine (the same run took 16 s or 31 s of compile on one day), a count does not, so the counts
/// show whether the work itself grows linearly with the code. Nothing the analyzers report depends on
/// them; an increment is one interlocked add beside work that costs far more.
/// </summary>
internal static class WorkCounters
{
    private static long s_roots;
    private static long s_bodies;
    private static long s_summaries;
    private static long s_levelSummaries;
    private static long s_fieldValues;
    private static long s_carriedValues;
    private static long s_carriedSendingAnswers;
    private static long s_carriedSummaries;
    private static long s_cutoffAnswers;
    private static long s_memberQuestions;
    private static long s_freshStacks;
    private static long s_freshStackTicks;

    /// <summary>A body analysed for its own diagnostics.</summary>
    public static void Root() => Interlocked.Increment(ref s_roots);

    /// <summary>A body bound to its operations (once per method and compilation).</summary>
    public static void Body() => Interlocked.Increment(ref s_bodies);

    /// <summary>
    /// A flow analysis of a body, lambda or initializer: for a root, a summary at one level, or a cycle's
    /// round. Those in a mode below <see cref="CallChain.Normal"/> exist only for field values.
    /// </summary>
    public static void Summary(int mode)
    {
        Interlocked.Increment(ref s_summaries);
        if (mode < CallChain.Normal) Interlocked.Increment(ref s_levelSummaries);
    }

    /// <summary>A field's or property's value computed at one level.</summary>
    public static void FieldValue() => Interlocked.Increment(ref s_fieldValues);

    /// <summary>A member's "sends nothing" taken over from the project's last compilation instead of searched again (<see cref="AnswerCarry"/>).</summary>
    public static void CarriedSendingAnswer() => Interlocked.Increment(ref s_carriedSendingAnswers);

    /// <summary>A field value taken over from the project's last compilation instead of computed (<see cref="AnswerCarry"/>).</summary>
    public static void CarriedValue() => Interlocked.Increment(ref s_carriedValues);

    /// <summary>A method's summary taken over from the project's last compilation instead of computed (<see cref="AnswerCarry"/>).</summary>
    public static void CarriedSummary() => Interlocked.Increment(ref s_carriedSummaries);

    /// <summary>Answers an edit touched only through an edited member's summary, taken over because it reads as before (<see cref="EarlyCutoff"/>).</summary>
    public static void CutoffAnswers(int count) => Interlocked.Add(ref s_cutoffAnswers, count);

    /// <summary>A question to the member index (the writers of a field, the callers of a method) answered by searching.</summary>
    public static void MemberQuestion() => Interlocked.Increment(ref s_memberQuestions);

    /// <summary>
    /// A summary made on a fresh thread's stack (<see cref="SummaryStore"/>), with how long the caller
    /// waited for it (zero for one made from another fresh stack, whose wait is inside its caller's): a
    /// clock that times the caller's thread misses the work done on the other.
    /// </summary>
    public static void FreshStack(System.TimeSpan waited)
    {
        Interlocked.Increment(ref s_freshStacks);
        Interlocked.Add(ref s_freshStackTicks, waited.Ticks);
    }

    public static WorkCount Read() => new(
        Interlocked.Read(ref s_roots),
        Interlocked.Read(ref s_bodies),
        Interlocked.Read(ref s_summaries),
        Interlocked.Read(ref s_levelSummaries),
        Interlocked.Read(ref s_fieldValues),
        Interlocked.Read(ref s_carriedValues),
        Interlocked.Read(ref s_carriedSendingAnswers),
        Interlocked.Read(ref s_carriedSummaries),
        Interlocked.Read(ref s_cutoffAnswers),
        Interlocked.Read(ref s_memberQuestions),
        Interlocked.Read(ref s_freshStacks),
        new System.TimeSpan(Interlocked.Read(ref s_freshStackTicks)));
}

/// <summary>
/// A reading of <see cref="WorkCounters"/>; the work of a run is the difference of two, of several runs their
/// sum. <see cref="LevelSummaries"/> are the flow analyses (counted in <see cref="Summaries"/> too) made at
/// field levels 0 and 1, for field values only. <see cref="FreshStackTime"/>: how long callers waited for
/// the summaries made on fresh stacks, the outermost only (a wall clock; what the other threads did).
/// </summary>
internal readonly record struct WorkCount(long Roots, long Bodies, long Summaries, long LevelSummaries, long FieldValues, long CarriedValues, long CarriedSendingAnswers,
    long CarriedSummaries, long CutoffAnswers, long MemberQuestions,
    long FreshStacks, System.TimeSpan FreshStackTime)
{
    public static WorkCount operator +(WorkCount a, WorkCount b) => new(
        a.Roots + b.Roots,
        a.Bodies + b.Bodies,
        a.Summaries + b.Summaries,
        a.LevelSummaries + b.LevelSummaries,
        a.FieldValues + b.FieldValues,
        a.CarriedValues + b.CarriedValues,
        a.CarriedSendingAnswers + b.CarriedSendingAnswers,
        a.CarriedSummaries + b.CarriedSummaries,
        a.CutoffAnswers + b.CutoffAnswers,
        a.MemberQuestions + b.MemberQuestions,
        a.FreshStacks + b.FreshStacks,
        a.FreshStackTime + b.FreshStackTime);

    public static WorkCount operator -(WorkCount after, WorkCount before) => new(
        after.Roots - before.Roots,
        after.Bodies - before.Bodies,
        after.Summaries - before.Summaries,
        after.LevelSummaries - before.LevelSummaries,
        after.FieldValues - before.FieldValues,
        after.CarriedValues - before.CarriedValues,
        after.CarriedSendingAnswers - before.CarriedSendingAnswers,
        after.CarriedSummaries - before.CarriedSummaries,
        after.CutoffAnswers - before.CutoffAnswers,
        after.MemberQuestions - before.MemberQuestions,
        after.FreshStacks - before.FreshStacks,
        after.FreshStackTime - before.FreshStackTime);
}
