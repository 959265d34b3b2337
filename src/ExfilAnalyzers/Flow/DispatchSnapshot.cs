using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The dispatch indexes of a project's last compilation (<see cref="DispatchTargets"/>), kept for its next
/// one: types as positions of their declarations (a file and the ordinal among the file's type
/// declarations), member names and interfaces as strings, no tree or symbol. The indexes depend only on
/// declarations, references and options, so a compilation with the same <see cref="DeclarationFingerprint"/>
/// (in the IDE, every keystroke inside a body) has the same source types, in the same order, with the
/// same member names and interfaces: it resolves the few types a dispatch asks for instead of
/// indexing every type again, which binds every base list.
/// </summary>
internal sealed class DispatchSnapshot
{
    private static readonly RecentByProject<DispatchSnapshot> Recent = new();

    private static readonly ConditionalWeakTable<SyntaxTree, SyntaxNode[]> TypeDeclarationsCache = new();

    private DispatchSnapshot(long fingerprint, (string Path, int Ordinal)[] types)
    {
        Fingerprint = fingerprint;
        Types = types;
    }

    public long Fingerprint { get; }

    /// <summary>The source types in the order of <see cref="DispatchTargets"/>' walk, by position.</summary>
    public (string Path, int Ordinal)[] Types { get; }

    /// <summary>For each member name, the indexes in <see cref="Types"/> of the types that declare one; null until built.</summary>
    public Dictionary<string, int[]>? DeclaringName { get; private set; }

    /// <summary>For each interface (<see cref="ContractKey"/>), the indexes of the classes and structs that implement it; null until built.</summary>
    public Dictionary<string, int[]>? Implementers { get; private set; }

    /// <summary>The project's snapshot for a compilation with this fingerprint, or null.</summary>
    public static DispatchSnapshot? Of(Compilation compilation, long fingerprint) =>
        Recent.Of(compilation) is { } snapshot && snapshot.Fingerprint == fingerprint ? snapshot : null;

    /// <summary>
    /// Records an index just built over <paramref name="types"/>, adding to the project's snapshot of the
    /// same fingerprint. Nothing is recorded when a type or an interface has no position or name to
    /// find it by again (a file path shared by two trees, the type of top-level statements).
    /// </summary>
    public static void Record(Compilation compilation, long fingerprint, IReadOnlyList<INamedTypeSymbol> types,
        Dictionary<string, List<INamedTypeSymbol>>? declaring, Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? implementers,
        CancellationToken cancellationToken)
    {
        if (!PathsAreUnique(compilation, cancellationToken))
        {
            return;
        }

        var ordinals = new Dictionary<INamedTypeSymbol, int>(SymbolEqualityComparer.Default);
        var typePositions = new (string Path, int Ordinal)[types.Count];
        for (var i = 0; i < types.Count; i++)
        {
            if (PositionOf(types[i], cancellationToken) is not { } position) return;
            typePositions[i] = position;
            ordinals[types[i]] = i;
        }

        lock (Recent)
        {
            var snapshot = Of(compilation, fingerprint) ?? new DispatchSnapshot(fingerprint, typePositions);
            if (snapshot.Types.Length != typePositions.Length) return;
            if (declaring is not null) snapshot.DeclaringName ??= Indexes(declaring, ordinals);
            if (implementers is not null && snapshot.Implementers is null)
            {
                var byKey = new Dictionary<string, int[]>(System.StringComparer.Ordinal);
                foreach (var pair in implementers)
                {
                    if (ContractKey(pair.Key, cancellationToken) is not { } key || Indexes(pair.Value, ordinals) is not { } indexes) return;
                    byKey[key] = indexes;
                }

                snapshot.Implementers = byKey;
            }

            Recent.Remember(compilation, snapshot);
        }
    }

    /// <summary>Forgets every project: for a benchmark whose runs must each start cold, like a command-line build.</summary>
    public static void Forget() => Recent.Forget();

    /// <summary>
    /// The key of an interface that is the same in every compilation with the same fingerprint: its
    /// assembly and documentation ID when it comes from a reference, its position when declared here.
    /// </summary>
    public static string? ContractKey(INamedTypeSymbol contract, CancellationToken cancellationToken)
    {
        if (contract.DeclaringSyntaxReferences.IsEmpty)
        {
            return contract.GetDocumentationCommentId() is { } id && contract.ContainingAssembly is { } assembly
                ? "M|" + assembly.Identity.GetDisplayName() + "|" + id
                : null;
        }

        return PositionOf(contract, cancellationToken) is { } position
            ? "S|" + position.Path + "|" + position.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Where a source type is declared first: its file and the ordinal among the file's type declarations.</summary>
    public static (string Path, int Ordinal)? PositionOf(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        var declaration = type.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var ordinal = System.Array.IndexOf(TypeDeclarations(declaration.SyntaxTree, cancellationToken), declaration);
        return ordinal < 0 ? null : (declaration.SyntaxTree.FilePath, ordinal);
    }

    /// <summary>True when no two trees share a path: only then does a position name one declaration.</summary>
    public static bool PathsAreUnique(Compilation compilation, CancellationToken cancellationToken)
    {
        var paths = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!paths.Add(tree.FilePath)) return false;
        }

        return true;
    }

    /// <summary>The type declarations of a tree (nested ones included), in document order.</summary>
    public static SyntaxNode[] TypeDeclarations(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (TypeDeclarationsCache.TryGetValue(tree, out var cached))
        {
            return cached;
        }

        var declarations = new List<SyntaxNode>();
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax) declarations.Add(node);
        }

        return TypeDeclarationsCache.GetValue(tree, _ => declarations.ToArray());
    }

    private static Dictionary<string, int[]>? Indexes(Dictionary<string, List<INamedTypeSymbol>> index, Dictionary<INamedTypeSymbol, int> ordinals)
    {
        var result = new Dictionary<string, int[]>(index.Count, System.StringComparer.Ordinal);
        foreach (var pair in index)
        {
            if (Indexes(pair.Value, ordinals) is not { } indexes) return null;
            result[pair.Key] = indexes;
        }

        return result;
    }

    private static int[]? Indexes(List<INamedTypeSymbol> types, Dictionary<INamedTypeSymbol, int> ordinals)
    {
        var indexes = new int[types.Count];
        for (var i = 0; i < types.Count; i++)
        {
            if (!ordinals.TryGetValue(types[i], out indexes[i])) return null;
        }

        return indexes;
    }
}
