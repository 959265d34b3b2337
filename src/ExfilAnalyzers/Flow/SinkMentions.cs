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
    public static bool Confirm(Compilation compilation, SyntaxTree tree, DeclaredMember member, string name, ModelCatalog catalog, CancellationToken cancellationToken)
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
