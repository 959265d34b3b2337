using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Whether a member really calls a sink where it names one. Sink names are common (Add, Write, Send),
/// so a name alone would make half a code base "sending"; binding just those mentions settles it.
/// </summary>
internal static class SinkMentions
{
    // Mentions found to call a sink, per syntax tree: trees are shared between the compilations of
    // successive edits, so in the IDE an unchanged file is not bound again to find the same sink.
    // Only "calls a sink" is kept. If an edit elsewhere changed what the name binds to, the cached
    // answer costs one analysis that finds nothing, never a diagnostic; "does not" is always rebound.
    private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<(int Member, string Name), bool>> Confirmed = new();

    public static bool Confirm(Compilation compilation, SyntaxTree tree, DeclaredMember member, string name, ModelCatalog catalog, CancellationToken cancellationToken)
    {
        var confirmed = Confirmed.GetValue(tree, _ => new ConcurrentDictionary<(int Member, string Name), bool>());
        if (confirmed.ContainsKey((member.SpanStart, name)))
        {
            return true;
        }

        if (!Bind(compilation, tree, member, name, catalog, cancellationToken))
        {
            return false;
        }

        confirmed.TryAdd((member.SpanStart, name), true);
        return true;
    }

    private static bool Bind(Compilation compilation, SyntaxTree tree, DeclaredMember member, string name, ModelCatalog catalog, CancellationToken cancellationToken)
    {
        SemanticModel? model = null;
        SyntaxNode? root = null;
        foreach (var position in TreeIndex.For(tree, cancellationToken).PositionsOf(name))
        {
            if (position < member.SpanStart || position >= member.SpanEnd)
            {
                continue;
            }

#pragma warning disable RS1030 // The analyzer driver serves a cached model for trees of the compilation being analysed.
            model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            root ??= tree.GetRoot(cancellationToken);
            if (root.FindToken(position).Parent is SimpleNameSyntax mention && IsSink(mention, model, catalog, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSink(SimpleNameSyntax mention, SemanticModel model, ModelCatalog catalog, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(mention, cancellationToken);
        ITypeSymbol? receiver = null;
        if (mention.Parent is MemberAccessExpressionSyntax access && access.Name == mention)
        {
            receiver = model.GetTypeInfo(access.Expression, cancellationToken).Type;
        }

        if (info.Symbol is { } symbol)
        {
            return catalog.Find(symbol, receiver)?.IsSink == true;
        }

        // An unresolved or ambiguous call may be any of its candidates.
        foreach (var candidate in info.CandidateSymbols)
        {
            if (catalog.Find(candidate, receiver)?.IsSink == true) return true;
        }

        return false;
    }
}
