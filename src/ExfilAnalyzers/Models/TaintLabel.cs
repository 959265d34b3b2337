using System;

namespace ExfilAnalyzers.Models;

/// <summary>The three categories of sensitive data that SPEC.md defines.</summary>
[Flags]
internal enum TaintLabel : byte
{
    None = 0,
    SourceText = 1,
    SymbolName = 2,
    RepositoryMetadata = 4,
    All = SourceText | SymbolName | RepositoryMetadata,
}

internal static class TaintLabels
{
    /// <summary>The labels in report order (EXF1001, EXF1002, EXF1003).</summary>
    public static readonly TaintLabel[] Each = { TaintLabel.SourceText, TaintLabel.SymbolName, TaintLabel.RepositoryMetadata };

    public static int Index(this TaintLabel label) => label switch
    {
        TaintLabel.SourceText => 0,
        TaintLabel.SymbolName => 1,
        TaintLabel.RepositoryMetadata => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };

    /// <summary>The phrase a message uses: "Source text", "Symbol name", "Repository metadata".</summary>
    public static string Phrase(this TaintLabel label) => label switch
    {
        TaintLabel.SourceText => "Source text",
        TaintLabel.SymbolName => "Symbol name",
        _ => "Repository metadata",
    };

    public static bool TryParse(string text, out TaintLabel label)
    {
        foreach (var each in Each)
        {
            if (string.Equals(each.ToString(), text, StringComparison.Ordinal))
            {
                label = each;
                return true;
            }
        }

        label = TaintLabel.None;
        return false;
    }
}
