using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The last settled relevance graph of each of the few projects analysed most recently, so that the
/// IDE's next compilation of a project can start from it. A graph holds that compilation's trees (most
/// of them shared with the next one) and names, never a compilation or symbol.
/// </summary>
internal static class RecentRelevanceGraphs
{
    private static readonly RecentByProject<RelevanceGraph> Recent = new();

    /// <summary>Forgets every project: for a benchmark whose runs must each start cold, like a command-line build.</summary>
    public static void Forget() => Recent.Forget();

    public static RelevanceGraph? Of(Compilation compilation) => Recent.Of(compilation);

    public static void Remember(Compilation compilation, RelevanceGraph graph) => Recent.Remember(compilation, graph);
}
