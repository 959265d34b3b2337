using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// What a value read from state (a field, property or event) can add to the sink calls of the member
/// that reads it. The engine records sink calls at calls; a value read from state turns a call into
/// one only when it is a function (a delegate invoked later) or a network stream, or a writer that
/// writes into one. Data flows only into sinks that the reader calls anyway, and a value of this
/// compilation's own types acts through its members, whose bodies are followed as callees.
/// </summary>
internal enum StateCarrier
{
    /// <summary>Data only: strings, numbers, collections of them, this compilation's own types, interfaces.</summary>
    Data,

    /// <summary>Anything, after a cast: object, dynamic, a type parameter.</summary>
    Anything,

    /// <summary>A delegate or event, or a type built on one (a list of callbacks).</summary>
    Functions,

    /// <summary>A stream, writer or network type of the framework, or a type built on one (a lazy stream).</summary>
    Streams,
}

internal static class StateCarriers
{
    private const int MaxDepth = 4;

    private static readonly string[] StreamNamespaces = { "System.IO", "System.Net", "System.Xml", "System.Text.Json" };

    public static StateCarrier Of(ISymbol state) => state is IEventSymbol
        ? StateCarrier.Functions
        : MemberIndex.TypeOf(state) is { } type ? Of(type, 0) : StateCarrier.Data;

    private static StateCarrier Of(ITypeSymbol type, int depth)
    {
        if (depth > MaxDepth)
        {
            return StateCarrier.Anything;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return Of(array.ElementType, depth + 1);
            case ITypeParameterSymbol or IDynamicTypeSymbol:
                return StateCarrier.Anything;
            case INamedTypeSymbol named:
                if (named.TypeKind == TypeKind.Delegate) return StateCarrier.Functions;
                if (named.SpecialType == SpecialType.System_Object) return StateCarrier.Anything;
                if (named.TypeKind != TypeKind.Interface && IsStream(named)) return StateCarrier.Streams;

                // A type built on others carries the most any of them carries (List<Action>, Lazy<Stream>).
                var most = StateCarrier.Data;
                foreach (var argument in named.TypeArguments)
                {
                    var carried = Of(argument, depth + 1);
                    if (carried > most) most = carried;
                }

                return most;
            default:
                return StateCarrier.Data;
        }
    }

    private static bool IsStream(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.ContainingNamespace is { IsGlobalNamespace: false } ns && InStreamNamespace(ns.ToDisplayString())) return true;
        }

        return false;
    }

    private static bool InStreamNamespace(string name)
    {
        foreach (var prefix in StreamNamespaces)
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal) && (name.Length == prefix.Length || name[prefix.Length] == '.')) return true;
        }

        return false;
    }
}
