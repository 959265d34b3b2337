using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Every mention of one name in the compilation (or every mention in a write position), bound once:
/// for each member it binds to, the members whose code holds a mention. Answers the questions of
/// <see cref="MemberIndex"/> for all the members of that name at the cost of one pass.
/// </summary>
internal sealed class NameMentions
{
    private readonly Dictionary<ISymbol, List<ISymbol>> _holders = new(SymbolEqualityComparer.Default);

    /// <summary>Write mentions that only a fillable target has (the receiver of Add, Append...): kept apart.</summary>
    private readonly Dictionary<ISymbol, List<ISymbol>> _fillingHolders = new(SymbolEqualityComparer.Default);

    private NameMentions()
    {
    }

    /// <param name="trees">The trees that mention the name (<see cref="RelevanceIndex.TreesMentioning"/>), in the compilation's order.</param>
    /// <param name="constructors">Tells a creation's constructor from its type's name where binding is not needed.</param>
    public static NameMentions Build(Compilation compilation, IEnumerable<SyntaxTree> trees, string name, bool writesOnly,
        System.Func<SyntaxTree, SyntaxNode, bool>? holderCounts, ConstructorByName constructors, CancellationToken cancellationToken)
    {
        var result = new NameMentions();
        foreach (var (mention, model) in TreeIndex.Mentions(compilation, trees, name, cancellationToken))
        {
            var writes = !writesOnly || WriteMention.Is(mention, fillable: false);
            if (!writes && !WriteMention.Is(mention, fillable: true) || !MemberIndex.HolderCounts(mention, holderCounts))
            {
                continue;
            }

            result.Add(mention, model, writes ? result._holders : result._fillingHolders, constructors, cancellationToken);
        }

        return result;
    }

    /// <summary>The members holding a mention of the target, at most <see cref="MemberIndex.MaxMembers"/>, in the order of the files.</summary>
    public ImmutableArray<ISymbol> Holders(ISymbol target, bool fillable)
    {
        _holders.TryGetValue(target, out var direct);
        List<ISymbol>? filling = null;
        if (fillable) _fillingHolders.TryGetValue(target, out filling);
        if (filling is null || filling.Count == 0)
        {
            return direct is null ? ImmutableArray<ISymbol>.Empty : direct.ToImmutableArray();
        }

        var merged = new List<ISymbol>(direct ?? new List<ISymbol>());
        foreach (var holder in filling)
        {
            if (merged.Count >= MemberIndex.MaxMembers) break;
            if (!merged.Contains(holder, SymbolEqualityComparer.Default)) merged.Add(holder);
        }

        return merged.ToImmutableArray();
    }

    private void Add(SyntaxNode mention, SemanticModel model, Dictionary<ISymbol, List<ISymbol>> into, ConstructorByName constructors,
        CancellationToken cancellationToken)
    {
        ISymbol? holder = null;
        if (constructors.Of(mention, cancellationToken) is { } constructor)
        {
            Record(constructor, ref holder, mention, model, into, cancellationToken);
            return;
        }

        // A type's name right after new stands for its constructor.
        var bound = ConstructorMention.Bound(mention);
        var info = model.GetSymbolInfo(bound, cancellationToken);
        if (info.Symbol is { } symbol)
        {
            Record(symbol, ref holder, mention, model, into, cancellationToken);
        }

        foreach (var candidate in info.CandidateSymbols)
        {
            Record(candidate, ref holder, mention, model, into, cancellationToken);
        }
    }

    private static void Record(ISymbol symbol, ref ISymbol? holder, SyntaxNode mention, SemanticModel model, Dictionary<ISymbol, List<ISymbol>> into, CancellationToken cancellationToken)
    {
        holder ??= MemberIndex.Holder(mention, model, cancellationToken);
        if (holder is null)
        {
            return;
        }

        Note(symbol.OriginalDefinition, holder, into);
        if (symbol is IMethodSymbol { ReducedFrom: { } reduced })
        {
            Note(reduced.OriginalDefinition, holder, into);
        }
    }

    private static void Note(ISymbol target, ISymbol holder, Dictionary<ISymbol, List<ISymbol>> into)
    {
        if (!into.TryGetValue(target, out var holders))
        {
            into[target] = holders = new List<ISymbol>(2);
        }

        if (holders.Count < MemberIndex.MaxMembers && !holders.Contains(holder, SymbolEqualityComparer.Default))
        {
            holders.Add(holder);
        }
    }
}
