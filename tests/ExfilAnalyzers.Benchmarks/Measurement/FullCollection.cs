using System;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>
/// Collects what earlier steps left before a measured step starts, so that the step is charged for the
/// collections its own allocations cause and not for those of the step before: with a large compilation in
/// memory (the previous run's, garbage once that run ends), one full collection costs more than an IDE edit
/// and seconds on the real corpus.
/// </summary>
internal static class FullCollection
{
    public static void Now()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
