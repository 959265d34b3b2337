using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Where each simple name is written in one syntax tree, found by one walk of its tokens. Trees are
/// immutable and shared between compilations, so in the IDE an edit re-indexes only the edited file.
/// </summary>
internal sealed class NameIndex
{
    private static readonly ConditionalWeakTable<SyntaxTree, NameIndex> Cache = new();

    private readonly Dictionary<string, List<int>> _positions;

    private NameIndex(Dictionary<string, List<int>> positions) => _positions = positions;

    public static NameIndex For(SyntaxTree tree, CancellationToken cancellationToken) =>
        Cache.GetValue(tree, t => Build(t, cancellationToken));

    public IReadOnlyList<int> PositionsOf(string name) =>
        _positions.TryGetValue(name, out var positions) ? positions : (IReadOnlyList<int>)ImmutableArray<int>.Empty;

    private static NameIndex Build(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var positions = new Dictionary<string, List<int>>();
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax)
            {
                var name = token.ValueText;
                if (!positions.TryGetValue(name, out var list))
                {
                    positions[name] = list = new List<int>(2);
                }

                list.Add(token.SpanStart);
            }
        }

        return new NameIndex(positions);
    }
}
