using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// The gates and sanitizers a project declares in its ExfilModels.txt files, resolved to symbols of its
/// compilation, in the order the files list them (so the fix offered first is the one the team wrote first).
/// </summary>
internal sealed class DeclaredModels
{
    private DeclaredModels(ImmutableArray<ISymbol> gates, ImmutableArray<IMethodSymbol> sanitizers)
    {
        Gates = gates;
        Sanitizers = sanitizers;
    }

    /// <summary>Gates a fix can test without inventing arguments: bool fields, properties and parameterless methods.</summary>
    public ImmutableArray<ISymbol> Gates { get; }

    /// <summary>Sanitizers a fix can call on a string: methods with one parameter that takes a string.</summary>
    public ImmutableArray<IMethodSymbol> Sanitizers { get; }

    public static DeclaredModels Read(Project project, Compilation compilation, CancellationToken cancellationToken)
    {
        var models = UserModelsReader.Read(project.AnalyzerOptions.AdditionalFiles, cancellationToken);
        var gates = ImmutableArray.CreateBuilder<ISymbol>();
        var sanitizers = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var entry in models.Entries)
        {
            if (entry.Kind is not (UserModelKind.Gate or UserModelKind.Sanitizer))
            {
                continue;
            }

            foreach (var symbol in Resolve(entry.Value, compilation))
            {
                if (entry.Kind == UserModelKind.Gate && IsTestableGate(symbol) && !gates.Contains(symbol, SymbolEqualityComparer.Default))
                {
                    gates.Add(symbol);
                }
                else if (entry.Kind == UserModelKind.Sanitizer && symbol is IMethodSymbol method && IsStringSanitizer(method)
                    && !sanitizers.Contains(method, SymbolEqualityComparer.Default))
                {
                    sanitizers.Add(method);
                }
            }
        }

        return new DeclaredModels(gates.ToImmutable(), sanitizers.ToImmutable());
    }

    private static bool IsTestableGate(ISymbol symbol) => symbol switch
    {
        IPropertySymbol { Parameters.IsEmpty: true } property => property.Type.SpecialType == SpecialType.System_Boolean && property.GetMethod is not null,
        IFieldSymbol field => field.Type.SpecialType == SpecialType.System_Boolean,
        IMethodSymbol { Parameters.IsEmpty: true, IsGenericMethod: false } method => method.ReturnType.SpecialType == SpecialType.System_Boolean,
        _ => false,
    };

    private static bool IsStringSanitizer(IMethodSymbol method) =>
        method.Parameters.Length == 1
        && method.Parameters[0].RefKind == RefKind.None
        && method.Parameters[0].Type.SpecialType is SpecialType.System_String or SpecialType.System_Object
        && method.ReturnType.SpecialType == SpecialType.System_String
        && !method.IsGenericMethod;

    /// <summary>As the analyzers read an ID: 'M:N.T.Scrub' without a parameter list names every overload.</summary>
    private static IEnumerable<ISymbol> Resolve(string id, Compilation compilation)
    {
        var symbols = DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation);
        foreach (var symbol in symbols.IsDefault ? ImmutableArray<ISymbol>.Empty : symbols)
        {
            yield return symbol;
        }

        var dot = id.LastIndexOf('.');
        if (!id.StartsWith("M:", StringComparison.Ordinal) || id.IndexOf('(') >= 0 || dot <= 2)
        {
            yield break;
        }

        foreach (var type in DocumentationCommentId.GetSymbolsForDeclarationId("T:" + id.Substring(2, dot - 2), compilation))
        {
            if (type is INamedTypeSymbol named)
            {
                foreach (var member in named.GetMembers(id.Substring(dot + 1)))
                {
                    if (member is IMethodSymbol)
                    {
                        yield return member;
                    }
                }
            }
        }
    }
}
