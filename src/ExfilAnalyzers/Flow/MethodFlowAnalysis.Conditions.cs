using System;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Transfer functions of operators and patterns, and the conditions they make: content tests over
/// sensitive data (keyword triggers, EXF1004) and consent gates.
/// </summary>
internal sealed partial class MethodFlowAnalysis
{
    private TaintValue VisitBinary(IBinaryOperation binary)
    {
        var left = Evaluate(binary.LeftOperand);
        var right = Evaluate(binary.RightOperand);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.Equals:
            case BinaryOperatorKind.ObjectValueEquals:
                return Compare(left, right, binary.LeftOperand, binary.RightOperand, binary, negated: false);
            case BinaryOperatorKind.NotEquals:
            case BinaryOperatorKind.ObjectValueNotEquals:
                return Compare(left, right, binary.LeftOperand, binary.RightOperand, binary, negated: true);
            case BinaryOperatorKind.LessThan:
            case BinaryOperatorKind.LessThanOrEqual:
            case BinaryOperatorKind.GreaterThan:
            case BinaryOperatorKind.GreaterThanOrEqual:
                return TestOf(left, right, binary) is { } test ? TaintValue.FromCondition(test) : TaintValue.Clean;
            case BinaryOperatorKind.ConditionalAnd:
            case BinaryOperatorKind.ConditionalOr:
            case BinaryOperatorKind.And when binary.Type?.SpecialType == SpecialType.System_Boolean:
            case BinaryOperatorKind.Or when binary.Type?.SpecialType == SpecialType.System_Boolean:
                return JoinConditions(left, right);
            case BinaryOperatorKind.Add when binary.Type?.SpecialType == SpecialType.System_String:
                return CombineBinary(binary.OperatorKind, Formatted(binary.LeftOperand, left), Formatted(binary.RightOperand, right), binary);
            default:
                return CombineBinary(binary.OperatorKind, left, right, binary);
        }
    }

    /// <summary>
    /// Arithmetic and concatenation keep the data of both operands. XOR, shifts and small additions
    /// on characters or bytes of sensitive data scramble it (EXF1005). Concatenation keeps the constant
    /// text a destination starts with (EXF1006).
    /// </summary>
    private TaintValue CombineBinary(BinaryOperatorKind kind, TaintValue left, TaintValue right, IOperation operation)
    {
        var data = left.Carried().Join(right.Carried());
        if (operation.Type?.SpecialType == SpecialType.System_String && kind == BinaryOperatorKind.Add)
        {
            // stem + ".cs" names a source file, whatever the stem.
            var path = operation is IBinaryOperation { RightOperand.ConstantValue.Value: string suffix } && HasSourceExtension(suffix)
                ? data.WithHandles(data.Handles | Handle.SourceFilePath)
                : data;
            return path.WithEndpoint(Concatenate(left.Endpoint, right.Endpoint));
        }

        if (data.IsTainted && IsScrambling(kind, operation))
        {
            return data.WithObfuscation(Obfuscation.Scrambled, operation.Syntax.GetLocation());
        }

        // Arithmetic on constants (XOR keys, shifted characters) is how destinations get hidden.
        if ((left.Endpoint is not null || right.Endpoint is not null) && kind is BinaryOperatorKind.ExclusiveOr or BinaryOperatorKind.Add or BinaryOperatorKind.Subtract
            && DataShape.IsIntegral(operation.Type))
        {
            return data.WithEndpoint(new EndpointFact(null, isComplete: false, decoded: true));
        }

        return data;
    }

    private static EndpointFact? Concatenate(EndpointFact? left, EndpointFact? right)
    {
        if (left is null)
        {
            return right is { Decoded: true } ? new EndpointFact(null, isComplete: false, decoded: true) : null;
        }

        if (left.IsComplete && right is not null)
        {
            return new EndpointFact(left.KnownPrefix + right.KnownPrefix, right.IsComplete, left.Decoded || right.Decoded);
        }

        return new EndpointFact(left.KnownPrefix, isComplete: false, left.Decoded);
    }

    private static bool IsScrambling(BinaryOperatorKind kind, IOperation operation)
    {
        if (!DataShape.IsIntegral(operation.Type))
        {
            return false;
        }

        switch (kind)
        {
            case BinaryOperatorKind.ExclusiveOr:
            case BinaryOperatorKind.LeftShift:
            case BinaryOperatorKind.RightShift:
            case BinaryOperatorKind.UnsignedRightShift:
                return true;
            case BinaryOperatorKind.Add:
            case BinaryOperatorKind.Subtract:
                // A Caesar shift: a character or byte plus a constant.
                return operation is IBinaryOperation binary
                    && (IsCharOrByte(binary.LeftOperand) && binary.RightOperand.ConstantValue.HasValue
                        || IsCharOrByte(binary.RightOperand) && binary.LeftOperand.ConstantValue.HasValue);
            default:
                return false;
        }
    }

    private static bool IsCharOrByte(IOperation operand)
    {
        var type = operand is IConversionOperation conversion ? conversion.Operand.Type : operand.Type;
        return type?.SpecialType is SpecialType.System_Char or SpecialType.System_Byte or SpecialType.System_SByte;
    }

    private TaintValue VisitUnary(IUnaryOperation unary)
    {
        var operand = Evaluate(unary.Operand);
        if (unary.OperatorKind == UnaryOperatorKind.Not && operand.Condition is { } condition)
        {
            return TaintValue.FromCondition(condition.Negate());
        }

        if (unary.OperatorKind == UnaryOperatorKind.BitwiseNegation && operand.IsTainted)
        {
            return operand.Carried().WithObfuscation(Obfuscation.Scrambled, unary.Syntax.GetLocation());
        }

        return operand.Carried();
    }

    private static TaintValue JoinConditions(TaintValue left, TaintValue right)
    {
        var condition = left.Condition?.Kind == ConditionKind.ContentTest ? left.Condition
            : right.Condition?.Kind == ConditionKind.ContentTest ? right.Condition
            : left.Condition ?? right.Condition;
        return condition is null ? TaintValue.Clean : TaintValue.FromCondition(condition);
    }

    /// <summary>== and != : a gate when one side is a consent setting, a content test when one side is sensitive.</summary>
    private TaintValue Compare(TaintValue left, TaintValue right, IOperation leftOperation, IOperation rightOperation, IOperation comparison, bool negated)
    {
        if ((SettingGate(left, rightOperation, comparison, negated) ?? SettingGate(right, leftOperation, comparison, negated)) is { } setting)
        {
            return TaintValue.FromCondition(setting);
        }

        if ((BoolGate(left, rightOperation, negated) ?? BoolGate(right, leftOperation, negated)) is { } gate)
        {
            return TaintValue.FromCondition(gate);
        }

        if (IsNullConstant(leftOperation) || IsNullConstant(rightOperation) || !ComparesContent(leftOperation) && !ComparesContent(rightOperation))
        {
            return TaintValue.Clean;
        }

        // Two sensitive values compared with each other (x.Name == y.Name, a name against its old
        // value) check sameness or change; a keyword trigger compares sensitive data with a keyword.
        if (left.Labels != TaintLabel.None && right.Labels != TaintLabel.None || ChangeCheck.Compares(leftOperation, left, rightOperation, right))
        {
            return TaintValue.Clean;
        }

        return TestOf(left, right, comparison) is { } test ? TaintValue.FromCondition(test) : TaintValue.Clean;
    }

    /// <summary>
    /// Whether == on this operand can test what data says: text, characters, numbers, and values that
    /// compare by content (records, structs, a user-defined ==). Two states, options, arrays or services
    /// compared by reference test whether something changed, not what the user's code contains.
    /// </summary>
    private static bool ComparesContent(IOperation operand)
    {
        var type = operand is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand.Type : operand.Type;
        if (type is null || type.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Dynamic)
        {
            return true;
        }

        if (type.IsValueType)
        {
            // ImmutableArray's == compares the arrays it wraps by reference.
            return type.Name != "ImmutableArray";
        }

        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Object || type.IsRecord)
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("op_Equality"))
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator }) return true;
            }
        }

        return false;
    }

    private static bool IsNullConstant(IOperation operation) =>
        operation.ConstantValue is { HasValue: true, Value: null } || operation is IDefaultValueOperation;

    /// <summary>
    /// A comparison of an opt-out or opt-in environment variable with a constant: DOTNET_CLI_TELEMETRY_OPTOUT == "1"
    /// means no consent when true; a comparison with null, "0" or "false" means the opposite.
    /// </summary>
    private static ConditionFact? SettingGate(TaintValue setting, IOperation other, IOperation comparison, bool negated)
    {
        var optOut = setting.Handles.HasFlag(Handle.OptOutSetting);
        var optIn = setting.Handles.HasFlag(Handle.OptInSetting);
        if (!optOut && !optIn || !other.ConstantValue.HasValue)
        {
            return null;
        }

        var set = IsTruthy(other.ConstantValue.Value as string);
        // True when "the setting says yes" is what makes this comparison true.
        var trueMeansSet = set ^ negated;
        var consentWhenTrue = optIn ? trueMeansSet : !trueMeansSet;
        return ConditionFact.Gate(consentWhenTrue, comparison.Syntax.GetLocation());
    }

    private static bool IsTruthy(string? text) =>
        text is not null && (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase)
            || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("on", StringComparison.OrdinalIgnoreCase));

    private static ConditionFact? BoolGate(TaintValue value, IOperation other, bool negated)
    {
        if (value.Condition is not { Kind: ConditionKind.Gate } gate || other.ConstantValue.Value is not bool constant)
        {
            return null;
        }

        return constant ^ negated ? gate : gate.Negate();
    }

    /// <summary>A content test when either side carries sensitive data or parameter data, or is a probe of content.</summary>
    private static ConditionFact? TestOf(TaintValue left, TaintValue right, IOperation comparison)
    {
        var location = comparison.Syntax.GetLocation();
        if (left.Condition is { Kind: ConditionKind.ContentProbe } leftProbe) return leftProbe.AsTest(location);
        if (right.Condition is { Kind: ConditionKind.ContentProbe } rightProbe) return rightProbe.AsTest(location);
        var tested = left.DataOnly().Join(right.DataOnly());
        return tested.IsTainted ? Test(tested, location) : null;
    }

    private static ConditionFact Test(TaintValue tested, Location location)
    {
        var trace = tested.SourceText ?? tested.SymbolName ?? tested.RepositoryMetadata ?? tested.ParameterTrace;
        return new ConditionFact(ConditionKind.ContentTest, tested.Labels, tested.Parameters, trace, location, consentWhenTrue: false);
    }

    /// <summary>Contains, StartsWith, Regex.IsMatch...: a content test of the receiver and arguments; a gate over a consent setting.</summary>
    private TaintValue ContentTest(IOperation call, TaintValue receiverValue, ArgumentValue[] arguments)
    {
        if (ChangeCheck.IsEqualityCall(call, receiverValue, arguments))
        {
            return TaintValue.Clean;
        }

        var tested = receiverValue.DataOnly();
        var handles = receiverValue.Handles;
        IOperation? constant = null;
        foreach (var argument in arguments)
        {
            tested = tested.Join(argument.Value.DataOnly());
            handles |= argument.Value.Handles;
            if (argument.Argument?.Value.ConstantValue.HasValue == true) constant ??= argument.Argument.Value;
        }

        if ((handles & (Handle.OptOutSetting | Handle.OptInSetting)) != 0 && constant is not null)
        {
            return SettingGate(TaintValue.FromHandle(handles), constant, call, negated: false) is { } gate ? TaintValue.FromCondition(gate) : TaintValue.Clean;
        }

        return tested.IsTainted ? TaintValue.FromCondition(Test(tested, call.Syntax.GetLocation())) : TaintValue.Clean;
    }

    private static ConditionFact? Probe(IOperation call, TaintValue receiverValue, ArgumentValue[] arguments)
    {
        var tested = receiverValue.DataOnly();
        foreach (var argument in arguments)
        {
            tested = tested.Join(argument.Value.DataOnly());
        }

        if (!tested.IsTainted)
        {
            return null;
        }

        var test = Test(tested, call.Syntax.GetLocation());
        return new ConditionFact(ConditionKind.ContentProbe, test.Labels, test.Parameters, test.TestedTrace, test.Location, false);
    }

    private TaintValue VisitIsPattern(IIsPatternOperation isPattern)
    {
        var value = Evaluate(isPattern.Value);
        return MatchPattern(isPattern.Pattern, value, isPattern);
    }

    /// <summary>A pattern over a value: constant and relational patterns test content; declarations bind.</summary>
    private TaintValue MatchPattern(IPatternOperation pattern, TaintValue value, IOperation whole)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                Evaluate(constant.Value);
                if (IsNullConstant(constant.Value))
                {
                    return SettingGate(value, constant.Value, whole, negated: false) is { } unset ? TaintValue.FromCondition(unset) : TaintValue.Clean;
                }

                if (SettingGate(value, constant.Value, whole, negated: false) is { } setting)
                {
                    return TaintValue.FromCondition(setting);
                }

                if (BoolGate(value, constant.Value, negated: false) is { } gate)
                {
                    return TaintValue.FromCondition(gate);
                }

                return value.IsTainted ? TaintValue.FromCondition(Test(value, whole.Syntax.GetLocation())) : TaintValue.Clean;
            case IRelationalPatternOperation relational:
                Evaluate(relational.Value);
                return TestOf(value, TaintValue.Clean, whole) is { } test ? TaintValue.FromCondition(test) : TaintValue.Clean;
            case INegatedPatternOperation negated:
                var inner = MatchPattern(negated.Pattern, value, whole);
                return inner.Condition is { } condition ? TaintValue.FromCondition(condition.Negate()) : inner;
            case IBinaryPatternOperation binary:
                return JoinConditions(MatchPattern(binary.LeftPattern, value, whole), MatchPattern(binary.RightPattern, value, whole));
            case IDeclarationPatternOperation declaration:
                Bind(declaration.DeclaredSymbol, value, whole);
                return TaintValue.Clean;
            case IRecursivePatternOperation recursive:
                Bind(recursive.DeclaredSymbol, value, whole);
                var result = TaintValue.Clean;
                foreach (var sub in recursive.PropertySubpatterns)
                {
                    result = JoinConditions(result, MatchPattern(sub.Pattern, MemberOf(sub.Member, value), whole));
                }

                foreach (var sub in recursive.DeconstructionSubpatterns)
                {
                    result = JoinConditions(result, MatchPattern(sub, value.Carried(), whole));
                }

                return result;
            case IListPatternOperation list:
                Bind(list.DeclaredSymbol, value, whole);
                var any = TaintValue.Clean;
                foreach (var sub in list.Patterns)
                {
                    any = JoinConditions(any, MatchPattern(sub, value.Carried(), whole));
                }

                return any;
            case ISlicePatternOperation slice when slice.Pattern is { } slicePattern:
                return MatchPattern(slicePattern, value, whole);
            default:
                return TaintValue.Clean;
        }
    }

    private void Bind(ISymbol? symbol, TaintValue value, IOperation at)
    {
        if (symbol is ILocalSymbol local)
        {
            _state.Set(Place.ForSymbol(local), value.Carried().WithStep(at.Syntax.GetLocation()));
        }
    }

    /// <summary>The value of a member named in a property pattern: a source when modelled, else the object's data.</summary>
    private TaintValue MemberOf(IOperation member, TaintValue objectValue)
    {
        var (symbol, type) = member switch
        {
            IPropertyReferenceOperation property => ((ISymbol?)property.Property, property.Property.ContainingType),
            IFieldReferenceOperation field => (field.Field, field.Field.ContainingType),
            _ => (null, null),
        };
        if (symbol is not null && FindModel(symbol, type) is { } model && ApplyReadModel(model, member, objectValue) is { } modelled)
        {
            return modelled;
        }

        return DataShape.CarriesData(member.Type) ? objectValue.Carried() : TaintValue.Clean;
    }

    /// <summary>
    /// What is known of a raw channel's destination: the destination argument, else the request it
    /// sends, else its receiver (a request, a stream of a request, a connected client). A relative
    /// address is resolved against the client's BaseAddress when that is known here.
    /// </summary>
    private EndpointFact? Destination(IOperation? receiver, TaintValue receiverValue, ArgumentValue[] arguments, SinkKind kind)
    {
        if (!kind.IsRawChannel())
        {
            return null;
        }

        var baseAddress = receiver is not null && PlaceOf(receiver) is { } client ? BaseAddressOf(client, receiver.Type) : null;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && IsDestinationParameter(parameter))
            {
                return Resolve(argument.Value.Endpoint, baseAddress) ?? Unknown;
            }
        }

        foreach (var argument in arguments)
        {
            if (argument.Argument is { } operation && WellKnownTypes.DerivesFrom(operation.Value.Type, _context.Types.HttpRequestMessage))
            {
                var requestUri = PlaceOf(operation.Value) is { } request ? MemberEndpoint(request, _context.Types.HttpRequestMessage, "RequestUri") : null;
                return Resolve(requestUri ?? argument.Value.Endpoint, baseAddress) ?? Unknown;
            }
        }

        return receiverValue.Endpoint ?? Unknown;
    }

    private static readonly EndpointFact Unknown = new(null, isComplete: false, decoded: false);

    private EndpointFact? BaseAddressOf(Place client, ITypeSymbol? type) => MemberEndpoint(client, type, "BaseAddress");

    /// <summary>What is known of a destination stored in a member of a tracked object (BaseAddress, RequestUri).</summary>
    private EndpointFact? MemberEndpoint(Place owner, ITypeSymbol? type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                if (owner.Member(member) is { } path && _state.HasEntryAt(path))
                {
                    return _state.Get(path).Endpoint;
                }
            }
        }

        return null;
    }

    /// <summary>A relative address against a known base; an absolute one as it is.</summary>
    private static EndpointFact? Resolve(EndpointFact? address, EndpointFact? baseAddress)
    {
        if (address?.KnownPrefix is { } prefix && !prefix.Contains("://") && baseAddress?.KnownPrefix is { } root && root.Contains("://"))
        {
            return new EndpointFact(root.TrimEnd('/') + "/" + prefix.TrimStart('/'), address.IsComplete && baseAddress.IsComplete,
                address.Decoded || baseAddress.Decoded);
        }

        return address;
    }

    private static bool IsDestinationParameter(IParameterSymbol parameter) =>
        parameter.Name is "requestUri" or "address" or "uri" or "hostNameOrAddress" or "host" or "hostname" or "remoteEP" or "endPoint" or "url";
}
