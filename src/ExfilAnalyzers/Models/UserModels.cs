using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Models;

/// <summary>
/// The entries of every ExfilModels.txt a project sees, merged. Duplicates are harmless. Binding to a
/// compilation resolves each ID once; an ID that resolves to nothing is skipped silently, so one
/// repository-wide file serves projects with different references.
/// </summary>
internal sealed class UserModels
{
    private UserModels(ImmutableArray<UserModelEntry> entries)
    {
        Entries = entries;
        var endpoints = ImmutableArray.CreateBuilder<string>();
        foreach (var entry in entries)
        {
            if (entry.Kind == UserModelKind.Endpoint && !endpoints.Contains(entry.Value))
            {
                endpoints.Add(entry.Value);
            }
        }

        Endpoints = endpoints.ToImmutable();
    }

    public ImmutableArray<UserModelEntry> Entries { get; }

    public ImmutableArray<string> Endpoints { get; }

    public bool IsEmpty => Entries.IsEmpty;

    public static UserModels From(IEnumerable<ModelsFile> files)
    {
        var entries = ImmutableArray.CreateBuilder<UserModelEntry>();
        var seen = new HashSet<UserModelEntry>();
        foreach (var file in files)
        {
            foreach (var entry in file.Entries)
            {
                if (seen.Add(entry))
                {
                    entries.Add(entry);
                }
            }
        }

        return new UserModels(entries.ToImmutable());
    }

    public void Bind(Compilation compilation, Dictionary<ISymbol, MemberModel> bySymbol, HashSet<INamedTypeSymbol> sinkTypes)
    {
        foreach (var entry in Entries)
        {
            if (entry.Kind == UserModelKind.Endpoint)
            {
                continue;
            }

            foreach (var symbol in Resolve(entry.Value, compilation))
            {
                if (entry.Kind == UserModelKind.Sink && symbol is INamedTypeSymbol type)
                {
                    sinkTypes.Add(type.OriginalDefinition);
                    continue;
                }

                var api = Display(symbol);
                var model = entry.Kind switch
                {
                    UserModelKind.Source => new MemberModel(ModelBehaviour.Source, api, entry.Label),
                    UserModelKind.Sink => new MemberModel(ModelBehaviour.Sink, api, sinkKind: SinkKind.Telemetry),
                    UserModelKind.Sanitizer => new MemberModel(ModelBehaviour.Sanitizer, api),
                    _ => new MemberModel(ModelBehaviour.Gate, api),
                };
                var key = symbol.OriginalDefinition;
                if (!bySymbol.ContainsKey(key))
                {
                    bySymbol[key] = model;
                }
            }
        }
    }

    private static string Display(ISymbol symbol) =>
        symbol.ContainingType is { } type ? type.Name + "." + symbol.Name : symbol.Name;

    /// <summary>
    /// The symbols an ID names. 'M:N.T.Send' without a parameter list also names every overload of Send,
    /// as BannedSymbols.txt users expect.
    /// </summary>
    private static IEnumerable<ISymbol> Resolve(string id, Compilation compilation)
    {
        var symbols = DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation);
        var result = new List<ISymbol>(symbols.IsDefault ? ImmutableArray<ISymbol>.Empty : symbols);
        if (!id.StartsWith("M:", System.StringComparison.Ordinal) || id.IndexOf('(') >= 0)
        {
            return result;
        }

        var dot = id.LastIndexOf('.');
        if (dot <= 2)
        {
            return result;
        }

        var typeId = "T:" + id.Substring(2, dot - 2);
        var name = id.Substring(dot + 1);
        foreach (var type in DocumentationCommentId.GetSymbolsForDeclarationId(typeId, compilation))
        {
            if (type is not INamedTypeSymbol named)
            {
                continue;
            }

            foreach (var member in named.GetMembers(name))
            {
                if (member is IMethodSymbol && !result.Contains(member, SymbolEqualityComparer.Default))
                {
                    result.Add(member);
                }
            }
        }

        return result;
    }
}
