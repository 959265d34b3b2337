using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// Fix All in document, project and solution: the diagnostics are handed to the family's fixer a project at a
/// time, documents in a fixed order (project name, then file path), so that the result does not depend on the
/// order diagnostics arrive in, and a helper the fix adds to a project is added once.
/// </summary>
internal sealed class ProjectByProjectFixAllProvider : FixAllProvider
{
    private readonly IProjectFixer _fixer;
    private readonly ImmutableHashSet<string> _fixableIds;
    private readonly Func<string, string> _titleOf;

    public ProjectByProjectFixAllProvider(IProjectFixer fixer, ImmutableArray<string> fixableIds, Func<string, string> titleOf)
    {
        _fixer = fixer;
        _fixableIds = fixableIds.ToImmutableHashSet();
        _titleOf = titleOf;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey is not { } key)
        {
            return null;
        }

        var batches = new List<DocumentDiagnostics>();
        foreach (var document in DocumentsInScope(fixAllContext))
        {
            var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            var fixable = diagnostics
                .Where(d => _fixableIds.Contains(d.Id))
                .OrderBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
            if (!fixable.IsEmpty)
            {
                batches.Add(new DocumentDiagnostics(document.Id, fixable));
            }
        }

        if (batches.Count == 0)
        {
            return null;
        }

        return CodeAction.Create(_titleOf(key), ct => FixBatchesAsync(fixAllContext.Solution, batches, key, ct), key);
    }

    private async Task<Solution> FixBatchesAsync(Solution solution, List<DocumentDiagnostics> batches, string key, CancellationToken cancellationToken)
    {
        foreach (var project in batches.GroupBy(b => b.Document.ProjectId))
        {
            solution = await _fixer.FixAsync(solution, project.ToImmutableArray(), key, cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }

    private static IEnumerable<Document> DocumentsInScope(FixAllContext context) => context.Scope switch
    {
        FixAllScope.Document => context.Document is { } document ? new[] { document } : Enumerable.Empty<Document>(),
        FixAllScope.Project => InOrder(new[] { context.Project }),
        _ => InOrder(context.Solution.Projects),
    };

    private static IEnumerable<Document> InOrder(IEnumerable<Project> projects) => projects
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ThenBy(p => p.FilePath, StringComparer.Ordinal)
        .SelectMany(p => p.Documents.OrderBy(d => d.FilePath ?? d.Name, StringComparer.Ordinal));
}
