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
            if (InStreamNamespace(current.ContainingNamespace)) return true;
        }

        return false;
    }

    /// <summary>
    /// System.IO, System.Net, System.Xml or System.Text.Json, or a namespace under one: read off the
    /// namespaces' names without building their full names (this runs for every state a scan meets).
    /// </summary>
    private static bool InStreamNamespace(INamespaceSymbol? ns)
    {
        INamespaceSymbol? second = null, third = null;
        for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (current.ContainingNamespace is { IsGlobalNamespace: true })
            {
                return current.Name == "System" && second is not null
                    && (second.Name is "IO" or "Net" or "Xml" || second.Name == "Text" && third?.Name == "Json");
            }

            third = second;
            second = current;
        }

        return false;
    }
}
