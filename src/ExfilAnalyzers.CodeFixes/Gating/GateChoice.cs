namespace ExfilAnalyzers.CodeFixes.Gating;

/// <summary>One gate action: a declared gate (by its documentation-comment ID) or the generated opt-in check.</summary>
internal sealed class GateChoice
{
    private const string DeclaredPrefix = "ExfilAnalyzers.Gate.Declared:";
    private const string OptInKey = "ExfilAnalyzers.Gate.OptIn";

    private GateChoice(string? gateId, string display)
    {
        GateId = gateId;
        Display = display;
    }

    /// <summary>The declared gate's documentation-comment ID; null for the generated opt-in check.</summary>
    public string? GateId { get; }

    /// <summary>What the title shows: the gate as code names it, or the opt-in variable.</summary>
    public string Display { get; }

    public string EquivalenceKey => GateId is null ? OptInKey : DeclaredPrefix + GateId;

    public string Title => GateId is null
        ? "Gate behind a new opt-in check (" + Display + ")"
        : "Gate behind consent (" + Display + ")";

    public static GateChoice Declared(string gateId, string display) => new(gateId, display);

    public static GateChoice OptIn(string variable) => new(null, variable);

    public static GateChoice? FromKey(string key)
    {
        if (key == OptInKey)
        {
            return new GateChoice(null, "");
        }

        return key.StartsWith(DeclaredPrefix, System.StringComparison.Ordinal)
            ? new GateChoice(key.Substring(DeclaredPrefix.Length), "")
            : null;
    }

    /// <summary>Fix All titles: the key carries no display text.</summary>
    public static string TitleOfKey(string key) => key == OptInKey
        ? "Gate behind a new opt-in check"
        : "Gate behind consent";
}
