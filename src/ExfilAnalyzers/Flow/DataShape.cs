using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Which values can carry text. A call on tainted data returns tainted data only when its result can
/// carry it: strings, characters, bytes, collections and objects do; bools, numbers (lengths, counts,
/// positions, hash codes), enums and plain tasks do not.
/// </summary>
internal static class DataShape
{
    public static bool CarriesData(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Void:
            case SpecialType.System_Boolean:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
            case SpecialType.System_DateTime:
                return false;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return false;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } named && named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return CarriesData(named.TypeArguments[0]);
        }

        if (type is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } task
            && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
        {
            return false;
        }

        return true;
    }

    public static bool IsBytesOrChars(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType.SpecialType is SpecialType.System_Byte or SpecialType.System_Char or SpecialType.System_SByte,
        INamedTypeSymbol { Name: "Span" or "Memory", TypeArguments.Length: 1 } span =>
            span.TypeArguments[0].SpecialType is SpecialType.System_Byte or SpecialType.System_Char,
        _ => false,
    };

    public static bool IsIntegral(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte
        or SpecialType.System_Char or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32
        or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64;
}
