namespace ExfilAnalyzers.Flow;

/// <summary>A field's value at one level, with what it was computed from (<see cref="AnswerDeps"/>).</summary>
internal readonly record struct FieldAnswer(TaintValue Value, AnswerDeps Deps)
{
    /// <summary>Below level 0, state reads as clean, whatever the code says.</summary>
    public static readonly FieldAnswer CleanOfNothing = new(TaintValue.Clean, AnswerDeps.None);
}
