using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A member declared in a tree, with the simple names its code mentions and those it may write
/// (see <see cref="WriteMention"/>); state is a field, property or event, and its type is named by
/// <paramref name="TypeNames"/> (the simple names in it: List, Action, string). <paramref name="Index"/>
/// counts the members of the same name declared before it in the file, and <paramref name="Owner"/> is
/// the place of its type among the file's type declarations (-1 outside any): a member added or removed
/// moves neither for members of other names (<see cref="BodyKey"/>).
/// </summary>
internal sealed record DeclaredMember(string Name, int Index, int Owner, int SpanStart, int SpanEnd, ImmutableArray<string> Mentions, ImmutableArray<string> Writes,
    bool IsState, ImmutableArray<string> TypeNames)
{
    /// <summary>
    /// The state the member declares besides itself: a primary constructor's parameters, which the type's
    /// other members read as the compiler's fields (the constructor writes them, <see cref="Writes"/>).
    /// </summary>
    public ImmutableArray<string> Captures { get; init; } = ImmutableArray<string>.Empty;
}

/// <summary>
/// What one syntax tree says by name alone, found by one walk of its tokens: where each simple name
/// is written, and which names each declared member's code mentions. A name that surely denotes one of
/// the member's own locals or parameters (<see cref="LocalScopes"/>) is no mention of anything else and
/// is left out. Trees are immutable and shared between compilations, so in the IDE an edit re-indexes
/// only the edited file.
/// </summary>
internal sealed class TreeIndex
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeIndex> Cache = new();

    private readonly Dictionary<string, List<int>> _positions;

    private TreeIndex(Dictionary<string, List<int>> positions, ImmutableArray<DeclaredMember> members, ImmutableArray<string> delegates, long declarationHash,
        long skeletonHash, HashSet<string> outside)
    {
        _positions = positions;
        Members = members;
        Delegates = delegates;
        DeclarationHash = declarationHash;
        SkeletonHash = skeletonHash;
        MentionedOutsideMembers = outside;
    }

    public ImmutableArray<DeclaredMember> Members { get; }

    /// <summary>The names of the delegate types the tree declares.</summary>
    public ImmutableArray<string> Delegates { get; }

    /// <summary>
    /// A hash of what the tree declares: every token outside method bodies and field initializers. An edit
    /// inside a body, the usual keystroke, leaves it unchanged, and with it how other files bind.
    /// </summary>
    public long DeclarationHash { get; }

    /// <summary>
    /// A hash of what the tree declares outside its members: namespaces, usings, types and their headers,
    /// enum members, top-level statements. An edit that adds, removes or changes a member leaves it unchanged.
    /// </summary>
    public long SkeletonHash { get; }

    /// <summary>The simple names mentioned outside every member (in base lists, attributes, a primary constructor's arguments).</summary>
    public IReadOnlyCollection<string> MentionedOutsideMembers { get; }

    /// <summary>The names the tree's global using directives alias (<c>global using Name = Other;</c>), which every file sees.</summary>
    public ImmutableArray<string> GlobalAliases { get; private init; } = ImmutableArray<string>.Empty;

    public static TreeIndex For(SyntaxTree tree, CancellationToken cancellationToken) =>
        Cache.TryGetValue(tree, out var index) ? index : Add(tree, cancellationToken);

    // Apart from For, so that the closure is allocated only when a tree is indexed, not at every look-up.
    private static TreeIndex Add(SyntaxTree tree, CancellationToken cancellationToken) => Cache.GetValue(tree, t => Build(t, cancellationToken));

    /// <summary>
    /// Every mention of the name in the trees that may stand for a member (not one where it can only be a
    /// type, <see cref="TypePosition"/>), in order, with the model to bind it by; a tree that does not
    /// mention the name is not even asked for a model.
    /// </summary>
    public static IEnumerable<(SyntaxNode Mention, SemanticModel Model)> Mentions(Compilation compilation, IEnumerable<SyntaxTree> trees, string name,
        CancellationToken cancellationToken)
    {
        foreach (var tree in trees)
        {
            var positions = For(tree, cancellationToken).PositionsOf(name);
            if (positions.Count == 0)
            {
                continue;
            }

#pragma warning disable RS1030 // The analyzer driver serves a cached model for trees of the compilation being analysed.
            var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            var root = tree.GetRoot(cancellationToken);
            foreach (var position in positions)
            {
                if (root.FindToken(position).Parent is { } mention && !TypePosition.Holds(mention))
                {
                    yield return (mention, model);
                }
            }
        }
    }

    /// <summary>Where the name is mentioned, in order.</summary>
    public IReadOnlyList<int> PositionsOf(string name) =>
        _positions.TryGetValue(name, out var positions) ? positions : System.Array.Empty<int>();

    private static TreeIndex Build(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var positions = new Dictionary<string, List<int>>();
        var members = ImmutableArray.CreateBuilder<DeclaredMember>();
        var delegates = ImmutableArray.CreateBuilder<string>();
        var outside = new HashSet<string>(System.StringComparer.Ordinal);
        var types = new Dictionary<SyntaxNode, int>();
        var sameName = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var root = tree.GetRoot(cancellationToken);
        foreach (var node in root.DescendantNodes(n => NameOf(n) is null))
        {
            if (node is DelegateDeclarationSyntax declared)
            {
                delegates.Add(declared.Identifier.ValueText);
            }

            if (node is BaseTypeDeclarationSyntax)
            {
                types.Add(node, types.Count);
            }

            if (node is SimpleNameSyntax outsideMention)
            {
                outside.Add(outsideMention.Identifier.ValueText);
            }

            if (NameOf(node) is not { } name)
            {
                continue;
            }

            // MemberNodes walks the tree the same way: its nodes are these members, in this order.

            var mentions = new HashSet<string>(System.StringComparer.Ordinal);
            var writes = new HashSet<string>(System.StringComparer.Ordinal);
            // A primary constructor's parameter list runs no code: what it names is no mention (Captures, below).
            var parameterList = ConstructorMention.IsPrimaryParameterList(node);
            var locals = parameterList ? null : LocalScopes.Of(node);
            foreach (var token in parameterList ? Enumerable.Empty<SyntaxToken>() : node.DescendantTokens())
            {
                var named = token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax && !locals!.DenotesLocal(token);
                if ((named ? token.ValueText : ConstructorMention.TypeCalledAt(token)) is not { } text)
                {
                    continue;
                }

                mentions.Add(text);
                if (named && WriteMention.Is(token.Parent, fillable: true)) writes.Add(text);
                AddPosition(text, token.SpanStart);
            }

            var captures = ImmutableArray<string>.Empty;
            if (parameterList)
            {
                // It writes the parameters that can hold data.
                captures = DataParameterNames((ParameterListSyntax)node);
                writes.UnionWith(captures);
            }

            var stateType = StateType(node);
            sameName.TryGetValue(name, out var index);
            sameName[name] = index + 1;
            var owner = node.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } type && types.TryGetValue(type, out var ordinal) ? ordinal : -1;
            members.Add(new DeclaredMember(name, index, owner, node.SpanStart, node.Span.End, mentions.ToImmutableArray(), writes.ToImmutableArray(),
                stateType is not null, stateType is null ? ImmutableArray<string>.Empty : TypeNamesOf(stateType)) { Captures = captures });
        }

        return new TreeIndex(positions, members.ToImmutable(), delegates.ToImmutable(), HashTokens(root, IsBody), HashTokens(root, IsMemberDeclaration), outside)
        {
            GlobalAliases = GlobalAliasesOf(root),
        };

        void AddPosition(string text, int position)
        {
            if (!positions.TryGetValue(text, out var list))
            {
                positions[text] = list = new List<int>(2);
            }

            list.Add(position);
        }
    }

    private static ImmutableArray<string> GlobalAliasesOf(SyntaxNode root)
    {
        var aliases = ImmutableArray<string>.Empty;
        foreach (var directive in root is CompilationUnitSyntax unit ? unit.Usings : default)
        {
            if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && directive.Alias is { } alias)
            {
                aliases = aliases.Add(alias.Name.Identifier.ValueText);
            }
        }

        return aliases;
    }

    /// <summary>
    /// The parameters whose type, as written, can hold text: one that names <c>string</c>, <c>object</c> or
    /// <c>char</c> (arrays, collections and nullables of them too). A service handed in (a logger, options, a
    /// client) holds no data of its own, and a handle's data (a symbol's name) is read through a source member,
    /// which the index knows by name; counting them as state made every reader of a common name matter.
    /// </summary>
    private static ImmutableArray<string> DataParameterNames(ParameterListSyntax parameters)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var parameter in parameters.Parameters)
        {
            if (parameter.Type is { } type && HoldsText(type)) names.Add(parameter.Identifier.ValueText);
        }

        return names.ToImmutable();
    }

    private static bool HoldsText(TypeSyntax type)
    {
        foreach (var node in type.DescendantNodesAndSelf())
        {
            if (node is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword or (int)SyntaxKind.ObjectKeyword or (int)SyntaxKind.CharKeyword }
                || node is IdentifierNameSyntax { Identifier.ValueText: "String" or "Object" or "StringBuilder" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The declared type of a field, property or event; null for any other member.</summary>
    private static TypeSyntax? StateType(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
        PropertyDeclarationSyntax property => property.Type,
        EventDeclarationSyntax @event => @event.Type,
        _ => null,
    };

    private static ImmutableArray<string> TypeNamesOf(TypeSyntax type)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var node in type.DescendantNodesAndSelf())
        {
            if (node is SimpleNameSyntax simple) names.Add(simple.Identifier.ValueText);
        }

        return names.ToImmutable();
    }

    /// <summary>A hash of the tree's options and its tokens, those under the nodes left out aside.</summary>
    private static long HashTokens(SyntaxNode root, System.Func<SyntaxNode, bool> leftOut)
    {
        unchecked
        {
            var hash = (long)System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(root.SyntaxTree.Options);
            foreach (var token in root.DescendantTokens(node => !leftOut(node)))
            {
                hash = (hash * 1_000_003) ^ token.RawKind;
                hash = (hash * 1_000_003) ^ System.StringComparer.Ordinal.GetHashCode(token.Text);
            }

            return hash;
        }
    }

    /// <summary>
    /// Code whose text no other file's binding depends on: the bodies of methods, accessors and
    /// expression-bodied members, the initializers of fields and properties that are not constants, and
    /// the arguments of a primary constructor's base call.
    /// </summary>
    private static bool IsBody(SyntaxNode node) => node switch
    {
        BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax } => true,
        ArrowExpressionClauseSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax } => true,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => true,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } } => !field.Modifiers.Any(SyntaxKind.ConstKeyword),
        ArgumentListSyntax { Parent: PrimaryConstructorBaseTypeSyntax } => true,
        _ => false,
    };

    /// <summary>The declaration of a field, event, property, indexer, method, constructor, operator or destructor.</summary>
    private static bool IsMemberDeclaration(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax or ArgumentListSyntax { Parent: PrimaryConstructorBaseTypeSyntax };

    /// <summary>The declarations of the tree's <see cref="Members"/>, in the same order.</summary>
    public static IEnumerable<SyntaxNode> MemberNodes(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes(n => NameOf(n) is null))
        {
            if (NameOf(node) is not null) yield return node;
        }
    }

    /// <summary>
    /// For a member declaration, the name its callers use (a constructor's is its type's); null for any other node. A
    /// primary constructor is two members of its type's name: its parameter list, which declares the state the
    /// type's other members capture (<see cref="DeclaredMember.Captures"/>), and its code, the arguments of its
    /// base call (<c>(x)</c> in <c>class C(int x) : Base(x)</c>).
    /// </summary>
    public static string? NameOf(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText,
        BaseMethodDeclarationSyntax => "",
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        EventDeclarationSyntax @event => @event.Identifier.ValueText,
        IndexerDeclarationSyntax => "",
        VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } field => field.Identifier.ValueText,
        GlobalStatementSyntax => "<top-level>",
        ArgumentListSyntax { Parent: PrimaryConstructorBaseTypeSyntax { Parent.Parent: TypeDeclarationSyntax type } } => type.Identifier.ValueText,
        ParameterListSyntax { Parent: TypeDeclarationSyntax type } => type.Identifier.ValueText,
        _ => null,
    };
}
