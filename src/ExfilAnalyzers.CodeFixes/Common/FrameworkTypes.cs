using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>The few library types the fixes recognise by name, resolved once per fix.</summary>
internal sealed class FrameworkTypes
{
    private FrameworkTypes(Compilation compilation)
    {
        Redactor = Resolve(compilation, "Microsoft.Extensions.Compliance.Redaction.Redactor");
        RedactorProvider = Resolve(compilation, "Microsoft.Extensions.Compliance.Redaction.IRedactorProvider");
        DataClassification = Resolve(compilation, "Microsoft.Extensions.Compliance.Classification.DataClassification");
        KeyValuePair = Resolve(compilation, "System.Collections.Generic.KeyValuePair`2");
    }

    public INamedTypeSymbol? Redactor { get; }

    public INamedTypeSymbol? RedactorProvider { get; }

    public INamedTypeSymbol? DataClassification { get; }

    public INamedTypeSymbol? KeyValuePair { get; }

    public static FrameworkTypes For(Compilation compilation) => new(compilation);

    public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? candidate)
    {
        if (candidate is null || type is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, candidate))
            {
                return true;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, candidate))
            {
                return true;
            }
        }

        return SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, candidate);
    }

    private static INamedTypeSymbol? Resolve(Compilation compilation, string metadataName)
    {
#pragma warning disable RS0030 // A code fix resolves four types once when it runs; not the analyzers' hot path.
        return compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
    }
}
