using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Which members of the compilation mention a name: the writers of a field, the callers of a method.
/// A private member is looked for only in its type's own files. Found through <see cref="TreeIndex"/>,
/// without binding anything but the member that holds each mention.
/// </summary>
internal sealed class MemberIndex
{
    /// <summary>Bound on the members one question returns: bounds the fan-out of field and caller look-ups.</summary>
    public const int MaxMembers = 64;

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<(ISymbol Target, Question Question), ImmutableArray<ISymbol>> _cache = new(TargetComparer.Instance);
    private readonly ConcurrentDictionary<(string Name, Question Question), NameMentions> _byName = new();
    private readonly Func<CancellationToken, RelevanceIndex> _relevance;
    private readonly ConstructorByName _constructors;

    /// <param name="relevance">Tells which members may store or see sensitive data, to skip the others' mentions unbound.</param>
    public MemberIndex(Compilation compilation, Func<CancellationToken, RelevanceIndex> relevance)
    {
        _compilation = compilation;
        _constructors = new ConstructorByName(compilation);
        _relevance = relevance;
    }

    /// <summary>What is asked of the mentions of a member: which members hold one, and which of them count.</summary>
    public enum Question
    {
        /// <summary>
        /// The members whose code refers to the target (calls it, for a method or constructor) and that may
        /// see sensitive data (the relevance index's Matters).
        /// </summary>
        RelevantMentioning,

        /// <summary>Every member whose code refers to the target: the callers that may pass a function.</summary>
        Mentioning,

        /// <summary>
        /// Every member whose code may write the target, a field, property or event: mentions in a write
        /// position (assigned, incremented, passed by ref, subscribed to) and, for an object that can be
        /// filled, mentions as the receiver of an Add, Append, Write... or as an argument (CopyTo(buffer)).
        /// </summary>
        Writing,

        /// <summary>The members that may write the target and may store sensitive data (the relevance index's MayStore).</summary>
        StoringWriting,
    }

    /// <summary>
    /// The methods and initialized fields or properties that answer the question about the target; the
    /// filtered questions do not even bind a mention held by a member the relevance index rules out. The
    /// asker's record notes the name searched: the answer depends on the code that mentions it
    /// (<see cref="AnswerDeps"/>).
    /// </summary>
    public ImmutableArray<ISymbol> Ask(ISymbol target, Question question, AnswerDeps asker, CancellationToken cancellationToken)
    {
        asker.Searches(SearchedName(target));
        var key = (target.OriginalDefinition, question);
        return _cache.TryGetValue(key, out var members) ? members : _cache.GetOrAdd(key, Find(key.OriginalDefinition, question, cancellationToken));
    }

    private ImmutableArray<ISymbol> Find(ISymbol target, Question question, CancellationToken cancellationToken)
    {
        WorkCounters.MemberQuestion();
        var isConstructor = target is IMethodSymbol { MethodKind: MethodKind.Constructor };
        var name = SearchedName(target);
        var fillable = TypeOf(target) is { } type && type.IsReferenceType && type.SpecialType != SpecialType.System_String;
        var holderCounts = HolderFilter(question, cancellationToken);
        if (target.DeclaredAccessibility == Accessibility.Private)
        {
            return Scan(target, name, isConstructor, IsWrites(question), fillable, holderCounts, target.ContainingType, cancellationToken);
        }

        // Other members are looked for in every file that mentions the name (the relevance graph knows which).
        // Many share a name (each module's Name, Run, Send): every mention of a name is bound once, for all
        // the members of that name, not once per member.
        var key = (name, question);
        if (!_byName.TryGetValue(key, out var mentions))
        {
            var trees = _relevance(cancellationToken).TreesMentioning(name);
            mentions = _byName.GetOrAdd(key, NameMentions.Build(_compilation, trees, name, IsWrites(question), holderCounts, _constructors, cancellationToken));
        }

        return mentions.Holders(target, fillable);
    }

    /// <summary>The name whose mentions answer a question about the target (a constructor's is its type's).</summary>
    private static string SearchedName(ISymbol target) =>
        target is IMethodSymbol { MethodKind: MethodKind.Constructor } ? target.ContainingType.Name : target.Name;

    private static bool IsWrites(Question question) => question is Question.Writing or Question.StoringWriting;

    /// <summary>For a filtered question, which member declarations count; null when all do.</summary>
    private Func<SyntaxTree, SyntaxNode, bool>? HolderFilter(Question question, CancellationToken cancellationToken)
    {
        if (question is Question.Writing or Question.Mentioning)
        {
            return null;
        }

        var relevance = _relevance(cancellationToken);
        return question == Question.StoringWriting ? relevance.MayStore : relevance.Matters;
    }

    /// <summary>Whether the member declaration holding a mention counts (a mention outside any member, or no filter: yes).</summary>
    internal static bool HolderCounts(SyntaxNode mention, Func<SyntaxTree, SyntaxNode, bool>? holderCounts)
    {
        if (holderCounts is null)
        {
            return true;
        }

        for (var node = mention.Parent; node is not null; node = node.Parent)
        {
            if (TreeIndex.NameOf(node) is not null)
            {
                return holderCounts(node.SyntaxTree, node);
            }
        }

        return true;
    }

    /// <summary>The members mentioning a private target: its type's own files only, each mention bound to check it is the target.</summary>
    private ImmutableArray<ISymbol> Scan(ISymbol target, string name, bool isConstructor, bool writesOnly, bool fillable,
        Func<SyntaxTree, SyntaxNode, bool>? holderCounts, ISymbol scope, CancellationToken cancellationToken)
    {
        var members = new List<ISymbol>();
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var (mention, model) in TreeIndex.Mentions(_compilation, Trees(scope), name, cancellationToken))
        {
            if (writesOnly && !WriteMention.Is(mention, fillable) || !HolderCounts(mention, holderCounts)
                || !RefersTo(mention, target, isConstructor, model, cancellationToken))
            {
                continue;
            }

            var holder = Holder(mention, model, cancellationToken);
            if (holder is not null && seen.Add(holder))
            {
                members.Add(holder);
                if (members.Count >= MaxMembers)
                {
                    break;
                }
            }
        }

        return members.ToImmutableArray();
    }

    /// <summary>Names are not unique: binds the mention to check it is the target (C1.Run, not C2.Run).</summary>
    private static bool RefersTo(SyntaxNode? mention, ISymbol target, bool isConstructor, SemanticModel model, CancellationToken cancellationToken)
    {
        if (mention is null)
        {
            return false;
        }

        var bound = isConstructor ? ConstructorMention.Bound(mention) : mention;
        var info = model.GetSymbolInfo(bound, cancellationToken);
        if (Same(info.Symbol, target))
        {
            return true;
        }

        foreach (var candidate in info.CandidateSymbols)
        {
            if (Same(candidate, target)) return true;
        }

        return false;
    }

    private static bool Same(ISymbol? symbol, ISymbol target) =>
        symbol is not null && (SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, target)
            || symbol is IMethodSymbol { ReducedFrom: { } reduced } && SymbolEqualityComparer.Default.Equals(reduced.OriginalDefinition, target));

    private static IEnumerable<SyntaxTree> Trees(ISymbol scope)
    {
        var trees = new List<SyntaxTree>();
        foreach (var reference in scope.DeclaringSyntaxReferences)
        {
            if (!trees.Contains(reference.SyntaxTree)) trees.Add(reference.SyntaxTree);
        }

        return trees;
    }

    private sealed class TargetComparer : IEqualityComparer<(ISymbol Target, Question Question)>
    {
        public static readonly TargetComparer Instance = new();

        public bool Equals((ISymbol Target, Question Question) x, (ISymbol Target, Question Question) y) =>
            x.Question == y.Question && SymbolEqualityComparer.Default.Equals(x.Target, y.Target);

        public int GetHashCode((ISymbol Target, Question Question) key) => SymbolEqualityComparer.Default.GetHashCode(key.Target) * 4 + (int)key.Question;
    }

    internal static ITypeSymbol? TypeOf(ISymbol member) => member switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        IEventSymbol @event => @event.Type,
        _ => null,
    };

    /// <summary>The member whose code holds a node: a method, accessor or constructor, or a field or property with an initializer.</summary>
    internal static ISymbol? Holder(SyntaxNode? node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseMethodDeclarationSyntax method:
                    return model.GetDeclaredSymbol(method, cancellationToken);
                case AccessorDeclarationSyntax accessor:
                    return model.GetDeclaredSymbol(accessor, cancellationToken);
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax } arrow:
                    return (model.GetDeclaredSymbol(arrow.Parent!, cancellationToken) as IPropertySymbol)?.GetMethod;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } declarator }:
                    return model.GetDeclaredSymbol(declarator, cancellationToken);
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    return model.GetDeclaredSymbol(property, cancellationToken);
                case GlobalStatementSyntax global:
                    return model.GetEnclosingSymbol(global.SpanStart, cancellationToken);
                case ArgumentListSyntax { Parent: PrimaryConstructorBaseTypeSyntax baseCall }:
                    return ConstructorMention.PrimaryCalling(baseCall, model, cancellationToken);
                case BaseTypeDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }
}
