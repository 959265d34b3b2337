using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;

namespace ExfilAudit.Analysis;

/// <summary>
/// Reads a diagnostic the way SPEC.md lays it out: the primary location is the sink argument or call; the
/// additional locations are the source, then the steps of the flow in order (for EXF1004 the trigger
/// comes first). Paths become relative to the audited input's folder.
/// </summary>
internal sealed class FindingFactory
{
    private const string ContentTriggerId = "EXF1004";

    private readonly string _rootDirectory;
    private readonly IReadOnlyDictionary<string, string> _aliases;
    private readonly SourceLibrary _sources;

    public FindingFactory(string rootDirectory, IReadOnlyDictionary<string, string> aliases, SourceLibrary sources)
    {
        _rootDirectory = Path.GetFullPath(rootDirectory);
        _aliases = aliases;
        _sources = sources;
    }

    public Finding Create(Diagnostic diagnostic)
    {
        var primary = Spot(diagnostic.Location);
        var path = ImmutableArray.CreateBuilder<FlowStep>();
        var sourceSeen = false;
        for (var i = 0; i < diagnostic.AdditionalLocations.Count; i++)
        {
            if (Spot(diagnostic.AdditionalLocations[i]) is not { } spot)
            {
                continue;
            }

            var role = diagnostic.Id == ContentTriggerId && i == 0 ? FlowStep.Trigger
                : !sourceSeen ? FlowStep.Source
                : FlowStep.Step;
            sourceSeen |= role == FlowStep.Source;
            path.Add(new FlowStep(role, spot));
        }

        if (path.Count > 0 && primary is not null)
        {
            path.Add(new FlowStep(FlowStep.Sink, primary));
        }

        var descriptor = diagnostic.Descriptor;
        return new Finding(
            diagnostic.Id,
            descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
            diagnostic.Severity,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            string.IsNullOrEmpty(descriptor.HelpLinkUri) ? null : descriptor.HelpLinkUri,
            primary,
            path.ToImmutable(),
            diagnostic.IsSuppressed,
            primary is null ? string.Empty : _sources.Line(primary.FullPath, primary.StartLine));
    }

    private SourceSpot? Spot(Location location)
    {
        if (location.Kind is not (LocationKind.SourceFile or LocationKind.ExternalFile))
        {
            return null;
        }

        var span = location.GetLineSpan();
        if (!span.IsValid || string.IsNullOrEmpty(span.Path))
        {
            return null;
        }

        var full = _aliases.TryGetValue(span.Path, out var real) ? real : span.Path;
        full = Path.IsPathRooted(full) ? Path.GetFullPath(full) : full;
        return new SourceSpot(full, Display(full),
            span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
    }

    private string Display(string fullPath)
    {
        if (!Path.IsPathRooted(fullPath))
        {
            return fullPath.Replace('\\', '/');
        }

        var relative = Path.GetRelativePath(_rootDirectory, fullPath);
        var outside = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return (outside ? fullPath : relative).Replace('\\', '/');
    }
}
