using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// Replacements and list-entry removals planned on one tree, applied in a single pass. An edit inside a
/// node that another edit replaces or removes is dropped: the outer edit already covers it.
/// </summary>
internal sealed class SyntaxEdits
{
    private readonly Dictionary<SyntaxNode, SyntaxNode> _replacements = new();
    private readonly Dictionary<SyntaxNode, HashSet<int>> _removals = new();

    public bool IsEmpty => _replacements.Count == 0 && _removals.Count == 0;

    public void Replace(SyntaxNode original, SyntaxNode replacement) => _replacements[original] = replacement;

    public void Remove(SyntaxNode list, int index)
    {
        if (!_removals.TryGetValue(list, out var indexes))
        {
            _removals[list] = indexes = new HashSet<int>();
        }

        indexes.Add(index);
    }

    public SyntaxNode ApplyTo(SyntaxNode root)
    {
        var gone = _removals.SelectMany(pair => pair.Value.Select(i => ElementSpan(pair.Key, i))).ToList();
        gone.AddRange(_replacements.Keys.Select(node => node.Span));
        bool Covered(SyntaxNode node) => gone.Any(span => span != node.Span && span.Contains(node.Span));

        var replacements = _replacements.Where(pair => !Covered(pair.Key)).ToDictionary(pair => pair.Key, pair => pair.Value);
        var removals = _removals
            .Select(pair => (pair.Key, Indexes: pair.Value.Where(i => !Covered(Element(pair.Key, i))).ToList()))
            .Where(pair => pair.Indexes.Count > 0)
            .ToDictionary(pair => pair.Key, pair => pair.Indexes);

        return root.ReplaceNodes(replacements.Keys.Concat(removals.Keys), (original, rewritten) =>
        {
            if (replacements.TryGetValue(original, out var replacement))
            {
                return replacement;
            }

            return ListEntryRemover.RemoveAt(rewritten, removals[original]);
        });
    }

    private static Microsoft.CodeAnalysis.Text.TextSpan ElementSpan(SyntaxNode list, int index) => Element(list, index).Span;

    private static SyntaxNode Element(SyntaxNode list, int index) => ListEntryRemover.Elements(list)[index];
}
