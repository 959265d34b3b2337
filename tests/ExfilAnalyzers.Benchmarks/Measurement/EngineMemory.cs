namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// What our analyzers remember of a project between its compilations (the models bound to its references,
/// its relevance graph, its dispatch indexes, the answers carried to its next compilation), forgotten so that
/// a measured analysis starts as a build or a freshly opened solution does.
/// </summary>
internal static class EngineMemory
{
    public static void Forget()
    {
        Models.RecentCatalogs.Forget();
        Flow.RecentRelevanceGraphs.Forget();
        Flow.DispatchSnapshot.Forget();
        Flow.CarriedAnswers.Forget();
    }
}
