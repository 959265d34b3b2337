using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// What one fix family does to one document for some of its diagnostics, all fixed with the same action
/// (the equivalence key). A single fix and every Fix All scope run this same code, so they cannot disagree.
/// </summary>
internal interface IDocumentFixer
{
    /// <summary>The solution with the document fixed, and any helper the fix needs added to its project.</summary>
    Task<Solution> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken);
}
