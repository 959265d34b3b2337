using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Whether a member really calls a sink where it names one (or starts a process, or opens a network
/// stream: what the engine may turn into a sink call). Sink names are common (Add, Write, Send), so a
/// name alone would make half a code base "sending"; binding just those mentions settles it.
/// </summary>
internal static class SinkMentions
{
    // What binding found, per syntax tree: trees are shared between the compilations of successive
    // edits, so in the IDE an unchanged file is not bound again to learn the same thing. "Calls a sink"
    // is kept whatever changes elsewhere: if an edit changed what the name binds to, the cached answer
    // costs one analysis that finds nothing, never a diagnostic. "Does not" holds only while the
    // compilation's declarations are the same (DeclarationFingerprint), or differ only by members
    // whose names the member does not mention: a new type or overload elsewhere could make the name a sink's.
    // The handles handed out in the compilation are part of the key: a stream's Write is a sink only
    // where something may open a network stream, and an edit in a body can add the first such call.
    private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<(int Member, string Name, Handle HandedOut), Answer>> Answers = new();

    /// <summary>
    /// Whether the member calls a sink by that name, or null when that is not known yet and
    /// <paramref name="mayBind"/> is false; <paramref name="bound"/> tells whether it had to be bound to know.
    /// "Does not" bound under <paramref name="earlier"/>'s declarations also holds when the member mentions
    /// none of the names redeclared since (<see cref="RelevanceEdit.Redeclared"/>): its mentions bind as they did.
    /// </summary>
    public static bool? Confirm(Compilation compilation, long fingerprint, SyntaxTree tree, DeclaredMember member, string name, ModelCatalog catalog,
        Handle handedOut, bool mayBind, out bool bound, CancellationToken cancellationToken, (long Declarations, HashSet<string> Redeclared)? earlier = null)
    {
        var answers = Answers.GetValue(tree, _ => new ConcurrentDictionary<(int Member, string Name, Handle HandedOut), Answer>());
        var key = (member.SpanStart, name, handedOut);
        bound = false;
        if (answers.TryGetValue(key, out var known))
        {
            if (known.CallsSink || known.HoldsUnder(fingerprint))
            {
                return known.CallsSink;
            }

            if (earlier is { } since && known.HoldsUnder(since.Declarations) && MentionsNone(member, since.Redeclared))
            {
                // Confirmed under these declarations too: the next edit may start from them (a graph built afresh here).
                answers[key] = known with { Confirmed = fingerprint };
                return false;
            }
        }

        if (!mayBind)
        {
            return null;
        }

        bound = true;
        var callsSink = Bind(compilation, tree, member, name, catalog, handedOut, cancellationToken);
        answers[key] = new Answer(callsSink, fingerprint, fingerprint);
        return callsSink;
    }

    /// <summary>What binding found, the declarations it was bound under, and the latest it was confirmed under.</summary>
    private readonly record struct Answer(bool CallsSink, long Bound, long Confirmed)
    {
        public bool HoldsUnder(long declarations) => Bound == declarations || Confirmed == declarations;
    }

    private static bool MentionsNone(DeclaredMember member, HashSet<string> names)
    {
        foreach (var mention in member.Mentions)
        {
            if (names.Contains(mention)) return false;
        }

        return true;
    }

    private static bool Bind(Compilation compilation, SyntaxTree tree, DeclaredMember member, string name, ModelCatalog catalog, Handle handedOut,
        CancellationToken cancellationToken)
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
            if (root.FindToken(position).Parent is SimpleNameSyntax mention && IsSink(mention, model, catalog, handedOut, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the mention binds to a member the engine may turn into a sink call here (<see cref="MemberModel.MaySendWhere"/>).</summary>
    private static bool IsSink(SimpleNameSyntax mention, SemanticModel model, ModelCatalog catalog, Handle handedOut, CancellationToken cancellationToken)
    {
        // A type's name right after new stands for its constructor (new NetworkStream(socket), qualified or not).
        var info = model.GetSymbolInfo(ConstructorMention.Bound(mention), cancellationToken);
        ITypeSymbol? receiver = null;
        if (mention.Parent is MemberAccessExpressionSyntax access && access.Name == mention)
        {
            receiver = model.GetTypeInfo(access.Expression, cancellationToken).Type;
        }

        if (info.Symbol is { } symbol)
        {
            return catalog.Find(symbol, receiver)?.MaySendWhere(handedOut) == true;
        }

        // An unresolved or ambiguous call may be any of its candidates.
        foreach (var candidate in info.CandidateSymbols)
        {
            if (catalog.Find(candidate, receiver)?.MaySendWhere(handedOut) == true) return true;
        }

        return false;
    }
}
