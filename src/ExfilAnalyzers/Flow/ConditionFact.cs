using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>What a value says about control flow when it is branched on.</summary>
internal enum ConditionKind : byte
{
    /// <summary>A position or match over content (IndexOf, Regex.Match): comparing it tests content.</summary>
    ContentProbe,

    /// <summary>A bool that tests the content of sensitive data: a keyword trigger (EXF1004).</summary>
    ContentTest,

    /// <summary>A bool that says whether the user consented.</summary>
    Gate,
}

/// <summary>
/// A condition carried by a bool (or probe) value. Content tests name what they test: real labels with the
/// trace of the tested data, or parameters of the method (resolved at each call site).
/// </summary>
internal sealed class ConditionFact
{
    public ConditionFact(ConditionKind kind, TaintLabel labels, ulong parameters, FlowTrace? testedTrace, Location location, bool consentWhenTrue)
    {
        Kind = kind;
        Labels = labels;
        Parameters = parameters;
        TestedTrace = testedTrace;
        Location = location;
        ConsentWhenTrue = consentWhenTrue;
    }

    public ConditionKind Kind { get; }

    public TaintLabel Labels { get; }

    public ulong Parameters { get; }

    /// <summary>The trace of the first tested label, for the message and the path.</summary>
    public FlowTrace? TestedTrace { get; }

    public Location Location { get; }

    /// <summary>For gates: true when the value being true means consent, false when it means the user opted out.</summary>
    public bool ConsentWhenTrue { get; }

    public static ConditionFact Gate(bool consentWhenTrue, Location location) => new(ConditionKind.Gate, TaintLabel.None, 0, null, location, consentWhenTrue);

    public ConditionFact Negate() => Kind == ConditionKind.Gate ? new ConditionFact(Kind, Labels, Parameters, TestedTrace, Location, !ConsentWhenTrue) : this;

    public ConditionFact AsTest(Location location) => new(ConditionKind.ContentTest, Labels, Parameters, TestedTrace, location, ConsentWhenTrue);

    public bool SameShape(ConditionFact? other) => other is not null && other.Kind == Kind && other.Labels == Labels
        && other.Parameters == Parameters && other.ConsentWhenTrue == ConsentWhenTrue;
}
