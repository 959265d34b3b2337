using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>One document's diagnostics to fix.</summary>
internal sealed class DocumentDiagnostics
{
    public DocumentDiagnostics(DocumentId document, ImmutableArray<Diagnostic> diagnostics)
    {
        Document = document;
        Diagnostics = diagnostics;
    }

    public DocumentId Document { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }
}

/// <summary>
/// What a fix family does to documents of one project, all fixed with the same action (the equivalence key).
/// A single fix is a batch of one; Fix All hands over a project at a time. Both run this same code, so they
/// cannot disagree, and a family that needs to ask the analyzers again asks once per project, not per file.
/// </summary>
internal interface IProjectFixer
{
    /// <summary>The solution with the documents fixed, and any helper the fix needs added to their project.</summary>
    Task<Solution> FixAsync(Solution solution, ImmutableArray<DocumentDiagnostics> batch, string equivalenceKey, CancellationToken cancellationToken);
}
