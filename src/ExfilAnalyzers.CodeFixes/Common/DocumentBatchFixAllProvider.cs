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
/// Fix All in document, project and solution: each document's diagnostics are handed to the family's fixer
/// in one batch, documents one after another in a fixed order (project name, then file path), so that the
/// result does not depend on the order diagnostics arrive in, and a helper added for the first document of a
/// project is reused by the next.
/// </summary>
internal sealed class DocumentBatchFixAllProvider : FixAllProvider
{
    private readonly IDocumentFixer _fixer;
    private readonly ImmutableHashSet<string> _fixableIds;
    private readonly Func<string, string> _titleOf;

    public DocumentBatchFixAllProvider(IDocumentFixer fixer, ImmutableArray<string> fixableIds, Func<string, string> titleOf)
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

        var batches = new List<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)>();
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
                batches.Add((document.Id, fixable));
            }
        }

        if (batches.Count == 0)
        {
            return null;
        }

        return CodeAction.Create(_titleOf(key), ct => FixBatchesAsync(fixAllContext.Solution, batches, key, ct), key);
    }

    private async Task<Solution> FixBatchesAsync(Solution solution, List<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> batches,
        string key, CancellationToken cancellationToken)
    {
        foreach (var (documentId, diagnostics) in batches)
        {
            if (solution.GetDocument(documentId) is { } document)
            {
                solution = await _fixer.FixAsync(document, diagnostics, key, cancellationToken).ConfigureAwait(false);
            }
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
