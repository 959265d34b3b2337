using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Models;

/// <summary>
/// The built-in and user models bound to one compilation's symbols. Built once per compilation; every
/// look-up after that is a dictionary hit, cached per (member, receiver type).
/// </summary>
internal sealed class ModelCatalog
{
    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, MemberModel>> _byType;
    private readonly Dictionary<ISymbol, MemberModel> _bySymbol;
    private readonly HashSet<INamedTypeSymbol> _sinkTypes;
    private readonly HashSet<string> _modelledNames;
    private readonly HashSet<string> _sourceNames = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _sinkNames = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _gateNames = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(ISymbol Member, ITypeSymbol? Receiver), MemberModel?> _cache = new();

    /// <summary>A hash of the user's models: with the compilation's declarations, what decides what a call binds to as a model.</summary>
    public int UserModelsHash { get; private init; }

    private static int HashOf(UserModels? userModels)
    {
        unchecked
        {
            var hash = 17;
            if (userModels is not null)
            {
                foreach (var entry in userModels.Entries) hash = hash * 31 + entry.GetHashCode();
            }

            return hash;
        }
    }

    private ModelCatalog(ModelTable table, Dictionary<INamedTypeSymbol, Dictionary<string, MemberModel>> byType,
        Dictionary<ISymbol, MemberModel> bySymbol, HashSet<INamedTypeSymbol> sinkTypes, ImmutableArray<string> endpoints,
        WellKnownTypes types)
    {
        Table = table;
        _byType = byType;
        _bySymbol = bySymbol;
        _sinkTypes = sinkTypes;
        Endpoints = endpoints;
        Types = types;
        _modelledNames = new HashSet<string>(System.StringComparer.Ordinal);
        var declaringSources = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var pair in byType)
        {
            _modelledNames.UnionWith(pair.Value.Keys);
            foreach (var member in pair.Value.Values)
            {
                if (member.Behaviour == ModelBehaviour.Source)
                {
                    declaringSources.Add(pair.Key);
                    break;
                }
            }
        }

        Handles = new HandleTypes(declaringSources);

        foreach (var members in byType.Values)
        {
            foreach (var pair in members)
            {
                if (IsSourceBehaviour(pair.Value)) _sourceNames.Add(pair.Key);
                if (pair.Value.IsSink) _sinkNames.Add(pair.Key);
            }
        }

        foreach (var pair in bySymbol)
        {
            _modelledNames.Add(pair.Key.Name);
            if (pair.Value.Behaviour == ModelBehaviour.Source) _sourceNames.Add(pair.Key.Name);
            if (pair.Value.IsSink) _sinkNames.Add(pair.Key.Name);
            if (pair.Value.Behaviour == ModelBehaviour.Gate) _gateNames.Add(pair.Key.Name);
        }

        foreach (var type in sinkTypes)
        {
            _modelledNames.UnionWith(type.MemberNames);
            _sinkNames.UnionWith(type.MemberNames);
        }
    }

    /// <summary>
    /// A catalog for another compilation of the same project that binds the models to the same symbols
    /// (see <see cref="RecentCatalogs"/>): the models as they are, the caches of look-ups empty, since
    /// they hold the symbols of this compilation's source.
    /// </summary>
    private ModelCatalog(ModelCatalog shared)
    {
        Table = shared.Table;
        _byType = shared._byType;
        _bySymbol = shared._bySymbol;
        _sinkTypes = shared._sinkTypes;
        _modelledNames = shared._modelledNames;
        _sourceNames = shared._sourceNames;
        _sinkNames = shared._sinkNames;
        _gateNames = shared._gateNames;
        _names = shared.Names;
        Endpoints = shared.Endpoints;
        Types = shared.Types;
        Handles = shared.Handles.WithEmptyCache();
        UserModelsHash = shared.UserModelsHash;
        BoundToReferencesOnly = shared.BoundToReferencesOnly;
    }

    public ModelTable Table { get; }

    /// <summary>
    /// True when every type the models were bound to comes from a referenced assembly and no user model
    /// is bound: then a compilation with the same references and none of these types in its source binds
    /// the models to the same symbols, and can share this catalog's (<see cref="RecentCatalogs"/>).
    /// </summary>
    public bool BoundToReferencesOnly { get; private init; }

    /// <summary>This catalog's models with empty caches: for a compilation that binds them to the same symbols.</summary>
    public ModelCatalog Shared() => new(this);

    /// <summary>The metadata names of every type the catalog resolved (or tried to): what a source type could take over.</summary>
    public IEnumerable<string> ResolvedNames()
    {
        foreach (var row in Table.Rows)
        {
            yield return row.TypeName;
        }

        foreach (var name in WellKnownTypes.MetadataNames)
        {
            yield return name;
        }
    }

    /// <summary>Declared endpoints: destinations that EXF1006 accepts.</summary>
    public ImmutableArray<string> Endpoints { get; }

    public WellKnownTypes Types { get; }

    /// <summary>Types whose objects are handles to sensitive data rather than data.</summary>
    public HandleTypes Handles { get; }

    public static ModelCatalog Create(Compilation compilation, ModelTable table, UserModels? userModels)
    {
        var byType = new Dictionary<INamedTypeSymbol, Dictionary<string, MemberModel>>(SymbolEqualityComparer.Default);
        var typeCache = new Dictionary<string, INamedTypeSymbol?>(System.StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (!typeCache.TryGetValue(row.TypeName, out var type))
            {
                typeCache[row.TypeName] = type = WellKnownTypes.Resolve(compilation, row.TypeName);
            }

            if (type is null)
            {
                continue;
            }

            if (!byType.TryGetValue(type, out var members))
            {
                byType[type] = members = new Dictionary<string, MemberModel>(System.StringComparer.Ordinal);
            }

            foreach (var member in row.Members)
            {
                var t = row.Template;
                var api = member == ".ctor" ? DisplayName(type) : DisplayName(type) + "." + member;
                // The first row for a member wins: the file lists the more specific behaviour first.
                if (!members.ContainsKey(member))
                {
                    members[member] = new MemberModel(t.Behaviour, api, t.Label, t.Handle, t.Obfuscation, t.SinkKind);
                }
            }
        }

        var bySymbol = new Dictionary<ISymbol, MemberModel>(SymbolEqualityComparer.Default);
        var sinkTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var endpoints = ImmutableArray<string>.Empty;
        if (userModels is not null)
        {
            userModels.Bind(compilation, bySymbol, sinkTypes);
            endpoints = userModels.Endpoints;
        }

        var types = new WellKnownTypes(compilation);
        return new ModelCatalog(table, byType, bySymbol, sinkTypes, endpoints, types)
        {
            UserModelsHash = HashOf(userModels),
            BoundToReferencesOnly = (userModels is null || userModels.IsEmpty) && FromReferences(compilation, byType.Keys) && FromReferences(compilation, types.All),
        };
    }

    private static bool FromReferences(Compilation compilation, IEnumerable<INamedTypeSymbol?> types)
    {
        foreach (var type in types)
        {
            if (type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
            {
                return false;
            }
        }

        return true;
    }

    public static string DisplayName(ITypeSymbol type) => type.Name;

    /// <summary>
    /// The model of a member as used on a receiver of a given static type: user models first, then the
    /// most derived built-in model on the receiver's type, its bases and interfaces, then on the member's type.
    /// </summary>
    public MemberModel? Find(ISymbol member, ITypeSymbol? receiverType)
    {
        member = Normalize(member);
        if (!_modelledNames.Contains(member.Name))
        {
            return null;
        }

        return _cache.TryGetValue((member, receiverType), out var model) ? model : _cache.GetOrAdd((member, receiverType), Lookup(member, receiverType));
    }

    public bool IsModelledName(string name) => _modelledNames.Contains(name);

    /// <summary>The source, gate and sink names together, for what is decided by names alone.</summary>
    public ModelNames Names => _names ??= new ModelNames(_sourceNames, _gateNames, _sinkNames);

    private ModelNames? _names;

    /// <summary>The handles that sinks on a handle need (a network stream for Stream.Write), each once.</summary>
    public IReadOnlyList<Handle> SinkHandles =>
        _sinkHandles ??= _byType.Values.SelectMany(members => members.Values).Where(model => model.Behaviour == ModelBehaviour.SinkOnHandle)
            .Select(model => model.Handle).Distinct().ToArray();

    // An array, so that threads racing to compute it each see a whole one (a nullable struct could be read half written).
    private Handle[]? _sinkHandles;

    /// <summary>
    /// The names that code mentions to get a handle of this kind from a modelled member: the member's
    /// name, or its type's for a constructor (what a "new" mentions).
    /// </summary>
    public ImmutableArray<string> NamesHanding(Handle handle) =>
        NamesOf(model => model.Behaviour == ModelBehaviour.HandleSource && (model.Handle & handle) != 0).ToImmutableArray();

    /// <summary>The names code mentions to call the models that match: the member's, or its type's for a constructor.</summary>
    private List<string> NamesOf(System.Func<MemberModel, bool> matches)
    {
        var names = new List<string>();
        foreach (var pair in _byType)
        {
            foreach (var member in pair.Value)
            {
                if (matches(member.Value)) names.Add(member.Key == ".ctor" ? pair.Key.Name : member.Key);
            }
        }

        foreach (var pair in _bySymbol)
        {
            if (matches(pair.Value))
            {
                names.Add(pair.Key is IMethodSymbol { MethodKind: MethodKind.Constructor } ? pair.Key.ContainingType.Name : pair.Key.Name);
            }
        }

        return names;
    }

    /// <summary>A name some model makes a sink.</summary>
    public bool IsSinkName(string name) => _sinkNames.Contains(name);

    private HashSet<string>? _sendingNames;

    /// <summary>
    /// A name some model makes a sink, a process start or a source of network streams: a call of it may
    /// be where the engine records a sink call (<see cref="MemberModel.MaySend"/>).
    /// </summary>
    public bool IsSendingName(string name) =>
        (_sendingNames ??= new HashSet<string>(_sinkNames.Concat(NamesOf(model => model.MaySend)), System.StringComparer.Ordinal)).Contains(name);

    private static bool IsSourceBehaviour(MemberModel model) => model.Behaviour switch
    {
        ModelBehaviour.Source or ModelBehaviour.SourceFromHandle or ModelBehaviour.Environment or ModelBehaviour.FileRead
            or ModelBehaviour.FileList or ModelBehaviour.ProcessStart => true,
        ModelBehaviour.HandleSource => (model.Handle & (Handle.GitProcess | Handle.LoadedAssembly)) != 0,
        _ => false,
    };

    private static ISymbol Normalize(ISymbol member)
    {
        if (member is IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            if (method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet && method.AssociatedSymbol is { } property)
            {
                return property.OriginalDefinition;
            }

            return method.OriginalDefinition;
        }

        return member.OriginalDefinition;
    }

    private MemberModel? Lookup(ISymbol member, ITypeSymbol? receiverType)
    {
        if (_bySymbol.Count > 0)
        {
            for (var current = member; current is not null; current = Overridden(current))
            {
                var user = _bySymbol.TryGetValue(current.OriginalDefinition, out var declared) ? declared : ImplementedUserModel(current);
                if (user is not null)
                {
                    return user;
                }
            }
        }

        var name = member.Name;
        if (receiverType is not null && !member.IsStatic)
        {
            if (FindOnType(receiverType, name, member) is { } onReceiver)
            {
                return onReceiver;
            }
        }

        return member.ContainingType is { } containing ? FindOnType(containing, name, member) : null;
    }

    private MemberModel? FindOnType(ITypeSymbol type, string name, ISymbol member)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (Match(current.OriginalDefinition, name, member) is { } model)
            {
                return model;
            }
        }

        foreach (var iface in type.AllInterfaces)
        {
            if (Match(iface.OriginalDefinition, name, member) is { } model)
            {
                return model;
            }
        }

        return null;
    }

    private MemberModel? Match(INamedTypeSymbol type, string name, ISymbol member)
    {
        if (_byType.TryGetValue(type, out var members) && members.TryGetValue(name, out var model))
        {
            return model;
        }

        if (_sinkTypes.Count > 0 && member is IMethodSymbol { MethodKind: MethodKind.Ordinary } && _sinkTypes.Contains(type))
        {
            return new MemberModel(ModelBehaviour.Sink, DisplayName(type) + "." + name, sinkKind: SinkKind.Telemetry);
        }

        return null;
    }

    /// <summary>A user model declared on an interface member that this member implements.</summary>
    private MemberModel? ImplementedUserModel(ISymbol member)
    {
        if (member.ContainingType is not { } type || member.IsStatic)
        {
            return null;
        }

        foreach (var iface in type.AllInterfaces)
        {
            foreach (var candidate in iface.GetMembers(member.Name))
            {
                if (_bySymbol.TryGetValue(candidate.OriginalDefinition, out var model)
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate)?.OriginalDefinition, member.OriginalDefinition))
                {
                    return model;
                }
            }
        }

        return null;
    }

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        _ => null,
    };
}
