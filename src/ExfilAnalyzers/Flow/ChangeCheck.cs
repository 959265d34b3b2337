using System;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Recognises a comparison of a new value with the stored value it would replace: <c>state.Attributes.Name == name</c>,
/// <c>state.Folders.SequenceEqual(folders)</c>. Such a test asks whether anything changed, not what the value says,
/// so it is no keyword trigger (docs/rules/EXF1004.md). A keyword kept in a field of the object itself
/// (<c>name == _name</c> in a matcher) is still a trigger: the stored side must be read from another object.
/// So is a source compared with a keyword that happens to share its name (<c>symbol.Name == name</c> in a
/// loop over keywords): the stored side must not be sensitive itself.
/// </summary>
internal static class ChangeCheck
{
    /// <summary>Whether <c>left == right</c> (or !=) compares a stored member with the new value of the same name.</summary>
    public static bool Compares(IOperation left, TaintValue leftValue, IOperation right, TaintValue rightValue) =>
        IsStoredAndNew(left, leftValue, right) || IsStoredAndNew(right, rightValue, left);

    /// <summary>Equals or SequenceEqual between a stored member and the new value of the same name.</summary>
    public static bool IsEqualityCall(IOperation call, TaintValue receiverValue, ArgumentValue[] arguments)
    {
        if (call is not IInvocationOperation { TargetMethod.Name: "Equals" or "SequenceEqual" } invocation)
        {
            return false;
        }

        var operands = new (IOperation Operation, TaintValue Value)[2];
        var count = 0;
        if (invocation.Instance is { } instance) operands[count++] = (instance, receiverValue);
        foreach (var argument in arguments)
        {
            if (count == 2) break;
            if (argument.Argument is { } operation) operands[count++] = (operation.Value, argument.Value);
        }

        return count == 2 && Compares(operands[0].Operation, operands[0].Value, operands[1].Operation, operands[1].Value);
    }

    private static bool IsStoredAndNew(IOperation stored, TaintValue storedValue, IOperation fresh)
    {
        if (storedValue.Labels != TaintLabel.None)
        {
            return false;
        }

        stored = Unwrapped(stored);
        fresh = Unwrapped(fresh);
        var storedName = stored switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: false, Instance: { } owner } property when IsOtherObject(owner) => property.Property.Name,
            IFieldReferenceOperation { Field.IsConst: false, Instance: { } owner } field when IsOtherObject(owner) => field.Field.Name,
            _ => null,
        };
        var freshName = fresh switch
        {
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            ILocalReferenceOperation local => local.Local.Name,
            _ => null,
        };
        return storedName is not null && freshName is not null && string.Equals(Stem(storedName), Stem(freshName), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A member of another object: <c>_name == name</c> in a matcher may test against a keyword it keeps.</summary>
    private static bool IsOtherObject(IOperation owner) => Unwrapped(owner) is not IInstanceReferenceOperation;

    private static IOperation Unwrapped(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>A member's name without its field prefix: _name, m_name and s_name all stand for name.</summary>
    private static string Stem(string name)
    {
        if (name.StartsWith("m_", StringComparison.Ordinal) || name.StartsWith("s_", StringComparison.Ordinal))
        {
            return name.Substring(2);
        }

        return name.TrimStart('_');
    }
}
