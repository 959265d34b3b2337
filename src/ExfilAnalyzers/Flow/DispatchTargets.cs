using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Where a virtual or interface call may land inside this compilation: the method itself when it has a
/// body, and every override or implementation in a source type, at most <see cref="MaxTargets"/>.
/// Beyond the compilation, the models speak for the callee.
/// </summary>
internal sealed class DispatchTargets
{
    public const int MaxTargets = 8;

    private readonly Compilation _compilation;
    private readonly System.Func<CancellationToken, long>? _fingerprint;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _targets = new(SymbolEqualityComparer.Default);
    private ImmutableArray<INamedTypeSymbol> _types;
    private Dictionary<string, List<INamedTypeSymbol>>? _declaringName;
    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? _implementers;

    // From the project's previous compilation when it has the same declarations: its types, resolved on demand.
    private DispatchSnapshot? _earlier;
    private volatile bool _earlierLooked;
    private INamedTypeSymbol?[]? _earlierTypes;
    private Dictionary<string, SyntaxTree>? _treesByPath;

    /// <param name="fingerprint">The compilation's <see cref="DeclarationFingerprint"/>, to reuse the indexes of an earlier compilation; null: never.</param>
    public DispatchTargets(Compilation compilation, System.Func<CancellationToken, long>? fingerprint = null)
    {
        _compilation = compilation;
        _fingerprint = fingerprint;
    }

    /// <summary>True when an index was taken from the project's earlier compilation (for tests).</summary>
    public bool StartedFromEarlier => _earlier is not null && _earlierTypes is not null;

    public static bool IsDispatched(IMethodSymbol method) =>
        method.IsAbstract || method.IsVirtual || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface;

    public ImmutableArray<IMethodSymbol> Of(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        return _targets.TryGetValue(method, out var targets) ? targets : _targets.GetOrAdd(method, Find(method, cancellationToken));
    }

    private ImmutableArray<IMethodSymbol> Find(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var targets = new List<IMethodSymbol>();
        if (IsTarget(method))
        {
            targets.Add(method);
        }

        var declaring = method.ContainingType.OriginalDefinition;
        if (declaring.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum)
        {
            // item.ToString() on an object may land in any type of the code base: the first few overrides
            // would be an arbitrary choice, changed by declaring a type anywhere. The model speaks instead.
            return targets.ToImmutableArray();
        }

        var candidates = declaring.TypeKind == TypeKind.Interface ? Implementers(declaring, cancellationToken) : Declaring(method.Name, cancellationToken);
        foreach (var type in candidates)
        {
            if (targets.Count >= MaxTargets)
            {
                break;
            }

            var target = declaring.TypeKind == TypeKind.Interface ? Implementation(type, method, declaring) : Override(type, method);
            if (target is not null && IsTarget(target) && !targets.Contains(target, SymbolEqualityComparer.Default))
            {
                targets.Add(target);
            }
        }

        return targets.ToImmutableArray();
    }

    /// <summary>
    /// A method whose code can be followed. A record's synthesized members (ToString, Equals, ...) point at
    /// the record's declaration but have no code there: they would take the places of real overrides.
    /// </summary>
    private static bool IsTarget(IMethodSymbol method) => MethodBodies.HasSourceBody(method) && !method.IsImplicitlyDeclared;

    /// <summary>The type's implementation of the interface method (the type is one of the interface's <see cref="Implementers"/>).</summary>
    private static IMethodSymbol? Implementation(INamedTypeSymbol type, IMethodSymbol method, INamedTypeSymbol declaring)
    {
        foreach (var iface in type.AllInterfaces)
        {
            if (!SymbolEqualityComparer.Default.Equals(iface.OriginalDefinition, declaring))
            {
                continue;
            }

            foreach (var member in iface.GetMembers(method.Name))
            {
                if (member is IMethodSymbol candidate && SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, method)
                    && type.FindImplementationForInterfaceMember(candidate) is IMethodSymbol implementation)
                {
                    // A base's virtual member implements the interface for the derived type too; what runs
                    // is the derived type's override of it, when it has one.
                    var inherited = !SymbolEqualityComparer.Default.Equals(implementation.ContainingType.OriginalDefinition, type.OriginalDefinition);
                    return (inherited ? Override(type, implementation.OriginalDefinition) : null) ?? implementation.OriginalDefinition;
                }
            }
        }

        return null;
    }

    /// <summary>The type's override of the method (the type is one of those <see cref="Declaring"/> its name).</summary>
    private static IMethodSymbol? Override(INamedTypeSymbol type, IMethodSymbol method)
    {
        foreach (var member in type.GetMembers(method.Name))
        {
            for (var current = (member as IMethodSymbol)?.OverriddenMethod; current is not null; current = current.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, method))
                {
                    return ((IMethodSymbol)member).OriginalDefinition;
                }
            }
        }

        return null;
    }

    // Indexes over the source types, each built once per compilation by one pass over them, so that a
    // dispatch looks only at the types that can hold a target: one pass per dispatched method made
    // the cost quadratic in the size of the code base.

    /// <summary>The source types that declare a member of that name (an override is declared in its type).</summary>
    private IReadOnlyList<INamedTypeSymbol> Declaring(string name, CancellationToken cancellationToken)
    {
        if (_declaringName is null && Earlier(cancellationToken) is { DeclaringName: { } earlierNames } earlier)
        {
            if (!earlierNames.TryGetValue(name, out var indexes)) return System.Array.Empty<INamedTypeSymbol>();
            if (Resolve(earlier, indexes, cancellationToken) is { } resolved) return resolved;
        }

        if (_declaringName is null)
        {
            var index = new Dictionary<string, List<INamedTypeSymbol>>(System.StringComparer.Ordinal);
            foreach (var type in SourceTypes(cancellationToken))
            {
                // From the declarations: no member is created to build this (in the IDE, a fresh compilation
                // has none yet), and a type that declares no member of a name is never asked.
                foreach (var member in DeclaredNames(type))
                {
                    if (!index.TryGetValue(member, out var types)) index[member] = types = new List<INamedTypeSymbol>();
                    types.Add(type);
                }
            }

            if (Interlocked.CompareExchange(ref _declaringName, index, null) is null && _fingerprint is not null)
            {
                DispatchSnapshot.Record(_compilation, _fingerprint(cancellationToken), SourceTypes(cancellationToken), index, null, cancellationToken);
            }
        }

        return _declaringName.TryGetValue(name, out var declaring) ? declaring : System.Array.Empty<INamedTypeSymbol>();
    }

    /// <summary>
    /// The names of the members the type declares. A record's <see cref="INamedTypeSymbol.MemberNames"/>
    /// creates all its members (its synthesized ones exist only as symbols), so a record's are read from
    /// its syntax: a synthesized member has no source body and is never a target anyway.
    /// </summary>
    private static IEnumerable<string> DeclaredNames(INamedTypeSymbol type)
    {
        if (!type.IsRecord)
        {
            return type.MemberNames;
        }

        var names = new List<string>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration) continue;
            foreach (var member in declaration.Members)
            {
                if (TreeIndex.NameOf(member) is { Length: > 0 } name) names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The source classes and structs that implement the interface, directly or through a base or another interface.</summary>
    private IReadOnlyList<INamedTypeSymbol> Implementers(INamedTypeSymbol contract, CancellationToken cancellationToken)
    {
        if (_implementers is null && Earlier(cancellationToken) is { Implementers: { } earlierContracts } earlier
            && DispatchSnapshot.ContractKey(contract, cancellationToken) is { } contractKey)
        {
            if (!earlierContracts.TryGetValue(contractKey, out var indexes)) return System.Array.Empty<INamedTypeSymbol>();
            if (Resolve(earlier, indexes, cancellationToken) is { } resolved) return resolved;
        }

        if (_implementers is null)
        {
            var index = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            foreach (var type in SourceTypes(cancellationToken))
            {
                if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
                {
                    continue;
                }

                foreach (var implemented in type.AllInterfaces)
                {
                    var key = implemented.OriginalDefinition;
                    if (!index.TryGetValue(key, out var types)) index[key] = types = new List<INamedTypeSymbol>();
                    if (types.Count == 0 || !ReferenceEquals(types[types.Count - 1], type)) types.Add(type);
                }
            }

            if (Interlocked.CompareExchange(ref _implementers, index, null) is null && _fingerprint is not null)
            {
                DispatchSnapshot.Record(_compilation, _fingerprint(cancellationToken), SourceTypes(cancellationToken), null, index, cancellationToken);
            }
        }

        return _implementers.TryGetValue(contract, out var implementers) ? implementers : System.Array.Empty<INamedTypeSymbol>();
    }

    /// <summary>The project's snapshot for this compilation's declarations, looked up once.</summary>
    private DispatchSnapshot? Earlier(CancellationToken cancellationToken)
    {
        if (!_earlierLooked && _fingerprint is not null)
        {
            _earlier = DispatchSnapshot.PathsAreUnique(_compilation, cancellationToken) ? DispatchSnapshot.Of(_compilation, _fingerprint(cancellationToken)) : null;
            _earlierLooked = true;
        }

        return _earlier;
    }

    /// <summary>
    /// The snapshot's types at these indexes, as symbols of this compilation; null when one cannot be
    /// found where the snapshot says (then the indexes are built afresh).
    /// </summary>
    private IReadOnlyList<INamedTypeSymbol>? Resolve(DispatchSnapshot earlier, int[] indexes, CancellationToken cancellationToken)
    {
        var types = _earlierTypes ??= new INamedTypeSymbol?[earlier.Types.Length];
        var trees = _treesByPath ??= _compilation.SyntaxTrees.ToDictionary(t => t.FilePath, System.StringComparer.Ordinal);
        var result = new INamedTypeSymbol[indexes.Length];
        for (var i = 0; i < indexes.Length; i++)
        {
            var index = indexes[i];
            if (types[index] is null)
            {
                var (path, ordinal) = earlier.Types[index];
                if (!trees.TryGetValue(path, out var tree)) return null;
                var declarations = DispatchSnapshot.TypeDeclarations(tree, cancellationToken);
                if (ordinal >= declarations.Length
                    || _compilation.GetSemanticModel(tree).GetDeclaredSymbol(declarations[ordinal], cancellationToken) is not INamedTypeSymbol type)
                {
                    return null;
                }

                types[index] = type;
            }

            result[i] = types[index]!;
        }

        return result;
    }

    private ImmutableArray<INamedTypeSymbol> SourceTypes(CancellationToken cancellationToken)
    {
        if (_types.IsDefault)
        {
            var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            Collect(_compilation.Assembly.GlobalNamespace, types, cancellationToken);
            ImmutableInterlocked.InterlockedInitialize(ref _types, types.ToImmutable());
        }

        return _types;
    }

    private static void Collect(INamespaceOrTypeSymbol container, ImmutableArray<INamedTypeSymbol>.Builder types, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (container is INamespaceSymbol ns)
        {
            foreach (var inner in ns.GetNamespaceMembers())
            {
                Collect(inner, types, cancellationToken);
            }
        }

        // Only the types: asking a type for all its members would create every method of the compilation.
        foreach (var type in container.GetTypeMembers())
        {
            types.Add(type);
            Collect(type, types, cancellationToken);
        }
    }
}
