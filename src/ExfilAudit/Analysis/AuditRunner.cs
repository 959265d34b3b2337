using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAudit.Cli;
using ExfilAudit.Inputs;

namespace ExfilAudit.Analysis;

/// <summary>Loads the input, runs the analyzers on each compilation and keeps the findings the user asked for.</summary>
internal static class AuditRunner
{
    public static async Task<AuditResult> RunAsync(AuditOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var configuration = AuditConfiguration.From(options);
        var baseline = options.BaselineFile is { } baselinePath ? Baseline.Load(baselinePath) : null;
        var input = await InputLoader.LoadAsync(options, progress, cancellationToken).ConfigureAwait(false);

        var sources = new SourceLibrary();
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        if (configuration.Models is { } models)
        {
            aliases[models.Path] = models.RealPath;
        }

        var factory = new FindingFactory(input.RootDirectory, aliases, sources);
        var units = new List<UnitResult>();
        var findings = new List<Finding>();
        for (var i = 0; i < input.Units.Count; i++)
        {
            var unit = input.Units[i];
            progress($"[{i + 1}/{input.Units.Count}] Analysing {unit.Name}");
            sources.Add(unit.Compilation);
            var result = await UnitAnalysis.RunAsync(unit, configuration, cancellationToken).ConfigureAwait(false);
            units.Add(result);
            findings.AddRange(result.Diagnostics.Select(factory.Create));
        }

        // A project built for several frameworks is one compilation each; its findings are reported once.
        var distinct = findings
            .GroupBy(f => (f.RuleId, f.Primary, f.Message))
            .Select(group => group.First())
            .OrderBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Primary?.DisplayPath, StringComparer.Ordinal)
            .ThenBy(f => f.Primary?.StartLine)
            .ThenBy(f => f.Primary?.StartColumn)
            .ToList();
        var shown = distinct.Where(f => f.Severity >= options.MinimumSeverity).ToList();
        var belowThreshold = distinct.Count - shown.Count;
        var known = 0;
        if (baseline is not null)
        {
            (shown, known) = baseline.Filter(shown);
        }

        return new AuditResult(input, shown, units, known, belowThreshold, sources, clock.Elapsed);
    }
}
