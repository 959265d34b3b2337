using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A declared member as a node of the relevance graph. <see cref="Id"/> indexes the answers an index
/// keeps per member; <see cref="Ordinal"/> is the member's place in its tree, by which an edited
/// tree's members are matched to the ones they replace. Compared by reference: each is one node.
/// </summary>
internal sealed class RelevanceEntry(SyntaxTree tree, DeclaredMember member, int id, int ordinal)
{
    public SyntaxTree Tree => tree;

    public DeclaredMember Member => member;

    public int Id => id;

    public int Ordinal => ordinal;

    /// <summary>The entry of the member declared at that position, or null (members are in document order and do not nest).</summary>
    public static RelevanceEntry? At(RelevanceEntry[] members, int spanStart)
    {
        int low = 0, high = members.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var start = members[middle].Member.SpanStart;
            if (start == spanStart) return members[middle];
            if (start < spanStart) low = middle + 1;
            else high = middle - 1;
        }

        return null;
    }
}
