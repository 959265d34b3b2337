using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// The order in which a fix prefers things in scope: the function's own locals and parameters, then fields and
/// properties, then primary-constructor parameters (using one where a field holds it too captures it twice, CS9124).
/// </summary>
internal static class ScopeOrder
{
    public static int Rank(ISymbol symbol, ISymbol? enclosing) => symbol switch
    {
        ILocalSymbol => 0,
        IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor }
            when !SymbolEqualityComparer.Default.Equals(constructor, enclosing) => 2,
        IParameterSymbol => 0,
        _ => 1,
    };
}
