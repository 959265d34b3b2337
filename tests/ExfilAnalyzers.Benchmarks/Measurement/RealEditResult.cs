using System;
using System.Collections.Immutable;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// One edit of one file of a real project, re-analysed by each suite. AddedCpu: our CPU time on the edit minus
/// the driver's alone on the same edit, and the same for each peer. The counts are our engine's work for the
/// edit (they do not move with the machine): FieldValues computed, CarriedValues taken over from the compilation before,
/// CarriedSummaries, the methods' summaries taken over, CarriedSendingAnswers, the members' "sends nothing" and "sends" taken over, and
/// CutoffAnswers, the answers the edit touched that were kept because the edited members' summaries read as before.
/// </summary>
internal sealed record RealEditResult(string Project, string File, int Characters, string Edit, TimeSpan AddedCpu, long Bodies, long FlowAnalyses,
    long FieldValues, long CarriedValues, long CarriedSummaries, long CarriedSendingAnswers, long CutoffAnswers, int Exceptions, ImmutableArray<(string Suite, TimeSpan AddedCpu)> Peers);
