using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ExfilAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Gating;

/// <summary>
/// Applies one gate action to a document's diagnostics: finds each sink's target, drops targets that another
/// target's check already holds, joins overlapping ranges of the same list into one check, and writes them
/// all in one pass. The generated opt-in helper is added to the project first, when it is the action.
/// </summary>
internal sealed class GateFixer : IProjectFixer
{
    public async Task<Solution> FixAsync(Solution solution, ImmutableArray<DocumentDiagnostics> batch, string equivalenceKey, CancellationToken cancellationToken)
    {
        foreach (var item in batch)
        {
            if (solution.GetDocument(item.Document) is { } document)
            {
                solution = await FixDocumentAsync(document, item.Diagnostics, equivalenceKey, cancellationToken).ConfigureAwait(false);
            }
        }

        return solution;
    }

    private static async Task<Solution> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey, CancellationToken cancellationToken)
    {
        var unchanged = document.Project.Solution;
        if (GateChoice.FromKey(equivalenceKey) is not { } choice)
        {
            return unchanged;
        }

        INamedTypeSymbol? optIn = null;
        if (choice.GateId is null)
        {
            if (await HelperDocuments.EnsureAsync(document, OptInHelper.For(document.Project), cancellationToken).ConfigureAwait(false) is not { } helper)
            {
                return unchanged;
            }

            document = helper.Solution.GetDocument(document.Id)!;
            optIn = helper.Type;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return unchanged;
        }

        var declared = choice.GateId is null ? null : DeclaredModels.Read(document.Project, model.Compilation, cancellationToken);
        var names = new TypeNames();
        var targets = new List<(GateTarget Target, ExpressionSyntax Condition)>();
        foreach (var diagnostic in diagnostics)
        {
            if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                || GateTargetLocator.Locate(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), model, cancellationToken) is not { } target)
            {
                continue;
            }

            var typeName = names.At(model, target.Wrapped.Start);
            var condition = optIn is not null
                ? ConsentConditions.OptIn(typeName(optIn))
                : DeclaredGateAccess.At(model, target.Wrapped.Start, declared!).FirstOrDefault(g => g.Id == choice.GateId)?.Condition(typeName);
            if (condition is not null)
            {
                targets.Add((target, condition));
            }
        }

        var kept = Outermost(targets);
        if (kept.Count == 0)
        {
            return unchanged;
        }

        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree);
        var wrapper = new ConsentWrapper(Layout.Of(root, options));
        var byNode = kept.GroupBy(t => t.Target.Node).ToDictionary(g => g.Key, g => g.ToList());
        var edited = root.ReplaceNodes(byNode.Keys, (original, rewritten) =>
        {
            var group = byNode[original];
            var condition = group[0].Condition;
            return group[0].Target switch
            {
                StatementRange => wrapper.WrapRanges(original, rewritten, Merge(group.Select(t => (StatementRange)t.Target)), condition),
                EmbeddedStatement embedded => wrapper.WrapEmbedded(rewritten, embedded.Statement, condition),
                ExpressionBody body => wrapper.WrapBody(original, body.Body, condition),
                _ => rewritten,
            };
        });

        return document.WithSyntaxRoot(names.AddUsings(edited)).Project.Solution;
    }

    /// <summary>Targets that no other target's check already holds.</summary>
    private static List<(GateTarget Target, ExpressionSyntax Condition)> Outermost(List<(GateTarget Target, ExpressionSyntax Condition)> targets) =>
        targets.Where(t => !targets.Any(other => other.Target.Node != t.Target.Node && other.Target.Wrapped.Contains(t.Target.Node.Span)))
            .ToList();

    /// <summary>Ranges of one list, overlapping ones joined.</summary>
    private static List<(int First, int Last)> Merge(IEnumerable<StatementRange> ranges)
    {
        var merged = new List<(int First, int Last)>();
        foreach (var range in ranges.OrderBy(r => r.First))
        {
            if (merged.Count > 0 && range.First <= merged[merged.Count - 1].Last)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = (last.First, System.Math.Max(last.Last, range.Last));
            }
            else
            {
                merged.Add((range.First, range.Last));
            }
        }

        return merged;
    }
}
