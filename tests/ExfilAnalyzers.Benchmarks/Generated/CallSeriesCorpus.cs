using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ExfilAnalyzers.Benchmarks.Corpus;

namespace ExfilAnalyzers.Benchmarks.Generated;

/// <summary>
/// The two series of the interprocedural case: call chains that get longer, and a helper that gets more call
/// sites. Each project also has the same filler (helpers and models of the generated corpus, no source, no
/// sink), so that the compilation is not trivial and what grows is only the dimension being doubled.
/// </summary>
internal static class CallSeriesCorpus
{
    /// <summary>
    /// Chains measured side by side: one chain alone is too little work to time above the noise, and eight
    /// (0.04 to 0.14 s) still let one collection more or less in a run decide a doubling.
    /// </summary>
    public const int Chains = 32;

    /// <summary>Filler modules (a helper class and a model each): about 2,000 lines.</summary>
    public const int FillerModules = 10;

    public static CallSeries CallChains(ImmutableArray<int> lengths, ReferenceCatalog references) => new(
        $"Call chains: {Chains} chains of N steps each, a symbol's name sent at the end",
        "N",
        "steps per chain",
        "chains",
        lengths,
        length => GeneratedCorpus.Project($"Call chains N={length}",
            Filler().AddRange(Enumerable.Range(0, Chains).SelectMany(c => CallChainTemplate.Files(c, length))), references),
        _ => Chains,
        finding => CallChainTemplate.FolderOf(finding.Location.SourceTree?.FilePath ?? string.Empty));

    public static CallSeries CallSites(ImmutableArray<int> counts, ReferenceCatalog references) => new(
        "Call sites: one helper that sends its parameter, called from M sites with a symbol's name",
        "M",
        "call sites",
        "call sites",
        counts,
        count => GeneratedCorpus.Project($"Call sites M={count}", Filler().Add(new SourceFile(CallSitesTemplate.GatewayPath, CallSitesTemplate.Gateway))
            .AddRange(CallSiteFiles(count)), references),
        count => count,
        finding => finding.Location.SourceTree?.FilePath is { } path && path.StartsWith("Sites/Callers", System.StringComparison.Ordinal)
            ? path + ":" + finding.Location.GetLineSpan().StartLinePosition.Line.ToString(CultureInfo.InvariantCulture)
            : string.Empty);

    private static ImmutableArray<SourceFile> CallSiteFiles(int count) =>
        Enumerable.Range(0, (count + CallSitesTemplate.SitesPerFile - 1) / CallSitesTemplate.SitesPerFile)
            .Select(file =>
            {
                var first = file * CallSitesTemplate.SitesPerFile;
                return new SourceFile(CallSitesTemplate.CallersPath(file),
                    CallSitesTemplate.Callers(file, first, System.Math.Min(CallSitesTemplate.SitesPerFile, count - first)));
            })
            .ToImmutableArray();

    private static ImmutableArray<SourceFile> Filler() =>
        Enumerable.Range(0, FillerModules)
            .SelectMany(module => new[]
            {
                new SourceFile($"Filler/Feature{module}/Helpers.cs", HelpersTemplate.Text(module)),
                new SourceFile($"Filler/Feature{module}/Model.cs", ModelTemplate.Text(module)),
            })
            .ToImmutableArray();
}
