using System.Collections.Immutable;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>Transfer functions of the operations that are not calls or conditions.</summary>
internal sealed partial class MethodFlowAnalysis
{
    private readonly System.Collections.Generic.Dictionary<CaptureId, IOperation> _capturedTargets = new();

    private TaintValue Evaluate(IOperation? operation)
    {
        if (operation is null)
        {
            return TaintValue.Clean;
        }

        _budget.Spend();
        if (operation.ConstantValue.HasValue && operation is not (IAssignmentOperation or IFlowCaptureOperation or IInvocationOperation))
        {
            return Constant(operation.ConstantValue.Value);
        }

        switch (operation)
        {
            case IExpressionStatementOperation statement:
                return Evaluate(statement.Operation);
            case IFlowCaptureOperation capture:
                return AssignCapture(capture);
            case IParameterReferenceOperation { Parameter: var parameter } when IsCapturedPrimaryParameter(parameter):
                return Typed(parameter.Type, _context.Summaries.FieldValue(parameter, _calls, _cancellationToken));
            case IFlowCaptureReferenceOperation:
            case ILocalReferenceOperation:
            case IParameterReferenceOperation:
            case IInstanceReferenceOperation:
                return PlaceOf(operation) is { } place ? _state.Composite(place) : TaintValue.Clean;
            case ISimpleAssignmentOperation assignment:
                return Assign(assignment);
            case ICompoundAssignmentOperation compound:
                return AssignCompound(compound);
            case ICoalesceAssignmentOperation coalesce:
                return AssignJoined(coalesce.Target, Evaluate(coalesce.Target).Join(Evaluate(coalesce.Value)), coalesce);
            case IIncrementOrDecrementOperation increment:
                return Evaluate(increment.Target);
            case IDeconstructionAssignmentOperation deconstruction:
                return Deconstruct(deconstruction);
            case IInvocationOperation invocation:
                return VisitInvocation(invocation);
            case IObjectCreationOperation creation:
                return VisitObjectCreation(creation);
            case IPropertyReferenceOperation property:
                return ReadProperty(property);
            case IFieldReferenceOperation field:
                return ReadField(field);
            case IArrayElementReferenceOperation element:
                return ReadElement(element);
            case IBinaryOperation binary:
                return VisitBinary(binary);
            case IUnaryOperation unary:
                return VisitUnary(unary);
            case IIsPatternOperation isPattern:
                return VisitIsPattern(isPattern);
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand);
            case IInterpolatedStringOperation interpolated:
                return VisitInterpolatedString(interpolated);
            case IAwaitOperation await:
                return Evaluate(await.Operation);
            case IFlowAnonymousFunctionOperation lambda:
                // A delegate's value is what it returns, and which function it is, for when it is invoked later.
                return AnalyzeLambda(lambda, TaintValue.Clean).WithFunctions(ImmutableArray.Create(FunctionRef.For(lambda, _cfg)));
            case IMethodReferenceOperation methodReference:
                return TaintValue.FromFunction(FunctionRef.For(methodReference.Method));
            case IEventReferenceOperation eventReference:
                return PlaceOf(eventReference) is { } eventPlace ? ReadMember(eventPlace, eventReference.Event) : TaintValue.Clean;
            case IDelegateCreationOperation delegateCreation:
                return Evaluate(delegateCreation.Target);
            case IAnonymousObjectCreationOperation anonymous:
                return JoinChildren(anonymous.Initializers);
            case ITupleOperation tuple:
                return JoinChildren(tuple.Elements);
            case IArrayCreationOperation array:
                return array.Initializer is null ? TaintValue.Clean : ConstantCharacters(array.Initializer) ?? JoinChildren(array.Initializer.ElementValues);
            case IArrayInitializerOperation arrayInitializer:
                return JoinChildren(arrayInitializer.ElementValues);
            case IConditionalOperation conditional:
                Evaluate(conditional.Condition);
                return Evaluate(conditional.WhenTrue).Join(Evaluate(conditional.WhenFalse));
            case IThrowOperation thrown:
                // In a graph a throw ends its block (LeaveBlock); this form is a throw the graph kept whole.
                Throw(Evaluate(thrown.Exception));
                return TaintValue.Clean;
            case ICaughtExceptionOperation:
                return CaughtException();
            case IReturnOperation { Kind: OperationKind.YieldReturn } yielded:
                // An iterator's elements are what it returns.
                var yieldedValue = Evaluate(yielded.ReturnedValue).Carried();
                _returnValue = _returnValue is null ? yieldedValue : _returnValue.Join(yieldedValue);
                return yieldedValue;
            case IReturnOperation returned:
                return Evaluate(returned.ReturnedValue);
            case IEventAssignmentOperation eventAssignment:
                return Subscribe(eventAssignment);
            case ILiteralOperation:
            case INameOfOperation:
            case ITypeOfOperation:
            case ISizeOfOperation:
            case IDefaultValueOperation:
            case IIsTypeOperation:
            case IIsNullOperation:
            case IStaticLocalInitializationSemaphoreOperation:
            case IEmptyOperation:
                return TaintValue.Clean;
            default:
                return JoinChildren(operation.ChildOperations);
        }
    }

    /// <summary>
    /// An array of constant characters or bytes: a string spelled out so no search finds it. As a
    /// destination it counts as decoded (EXF1006); its text is kept for the report.
    /// </summary>
    private static TaintValue? ConstantCharacters(IArrayInitializerOperation initializer)
    {
        if (initializer.ElementValues.Length < 4)
        {
            return null;
        }

        var text = new System.Text.StringBuilder(initializer.ElementValues.Length);
        foreach (var element in initializer.ElementValues)
        {
            switch (element.ConstantValue.Value)
            {
                case char c: text.Append(c); break;
                case byte b: text.Append((char)b); break;
                case int i when i is >= 0 and < 256: text.Append((char)i); break;
                default: return null;
            }
        }

        return TaintValue.FromEndpoint(new EndpointFact(text.ToString(), isComplete: true, decoded: true));
    }

    /// <summary>'Changed += handler': the event now holds the handler too, for whoever raises it.</summary>
    private TaintValue Subscribe(IEventAssignmentOperation subscription)
    {
        var handler = Evaluate(subscription.HandlerValue);
        if (subscription.Adds && subscription.EventReference is IEventReferenceOperation reference && PlaceOf(reference) is { } place)
        {
            _state.JoinInto(place, handler);
            NoteFieldWrite(place, _state.Get(place));
        }

        return TaintValue.Clean;
    }

    private static TaintValue Constant(object? value) =>
        value is string { Length: > 0 } text ? TaintValue.FromEndpoint(EndpointFact.Constant(text)) : TaintValue.Clean;

    private TaintValue JoinChildren(System.Collections.Generic.IEnumerable<IOperation> children)
    {
        var result = TaintValue.Clean;
        foreach (var child in children)
        {
            result = result.Join(Evaluate(child).Carried());
        }

        return result;
    }

    /// <summary>
    /// A primary constructor's parameter read by another member (a method, an initializer): state the
    /// compiler keeps for the object, which holds what the constructor's callers passed, as a field would.
    /// </summary>
    private bool IsCapturedPrimaryParameter(IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
        && !SymbolEqualityComparer.Default.Equals(constructor, _method)
        && ConstructorMention.IsPrimaryConstructor(constructor);

    /// <summary>The place an operation denotes, when the engine tracks it.</summary>
    private Place? PlaceOf(IOperation? operation)
    {
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return Place.ForSymbol(local.Local);
            case IParameterReferenceOperation parameter:
                return Place.ForSymbol(parameter.Parameter);
            case IFlowCaptureReferenceOperation capture:
                return Place.ForCapture(capture.Id);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return Place.ForThis();
            case IFieldReferenceOperation field:
                return field.Field.IsStatic ? Place.ForSymbol(field.Field) : PlaceOf(field.Instance)?.Member(field.Field);
            case IPropertyReferenceOperation { Arguments.Length: 0 } property:
                return property.Property.IsStatic ? Place.ForSymbol(property.Property) : PlaceOf(property.Instance)?.Member(property.Property);
            case IEventReferenceOperation eventReference:
                return eventReference.Event.IsStatic ? Place.ForSymbol(eventReference.Event) : PlaceOf(eventReference.Instance)?.Member(eventReference.Event);
            case IConversionOperation { Conversion.IsReference: true } conversion:
                return PlaceOf(conversion.Operand);
            case IConversionOperation { Conversion.IsIdentity: true } identity:
                return PlaceOf(identity.Operand);
            default:
                return null;
        }
    }

    private TaintValue AssignCapture(IFlowCaptureOperation capture)
    {
        if (IsPlainFieldRead(capture.Value) && CaptureOnlyIgnoredReceiver(capture.Id))
        {
            // Captured only to be the receiver of telemetry calls, which do not read it.
            return TaintValue.Clean;
        }

        if (capture.Value is IPropertyReferenceOperation or IFieldReferenceOperation or IArrayElementReferenceOperation)
        {
            // The graph captures an assignment's target before its value: remember what it denotes.
            _capturedTargets[capture.Id] = capture.Value;
        }

        var value = ConsentWitness(capture.Value, Evaluate(capture.Value), _state);
        var place = Place.ForCapture(capture.Id);
        if (PlaceOf(capture.Value) is { } from)
        {
            _state.Copy(from, place, IsVariableReference(capture.Value) ? _state.Get(from) : value);
            if (IsMutableReference(capture.Value.Type) && _state.Get(place).WritesInto is null)
            {
                // builder.Append(c == '_' ? ' ' : c): the graph captures the receiver before the branch;
                // what is appended through the capture is appended to the builder.
                _state.ReplaceOwn(place, _state.Get(place).WithWritesInto(from));
            }
        }
        else
        {
            _state.Set(place, value);
        }

        return value;
    }

    private TaintValue Assign(ISimpleAssignmentOperation assignment)
    {
        var value = Evaluate(assignment.Value);
        if (assignment.Target is ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation)
        {
            value = ConsentWitness(assignment.Value, value, _state);
        }

        WriteTo(assignment.Target, value, assignment.Value, assignment);
        return value;
    }

    private TaintValue AssignCompound(ICompoundAssignmentOperation compound)
    {
        var value = CombineBinary(compound.OperatorKind, Evaluate(compound.Target), Evaluate(compound.Value), compound);
        WriteTo(compound.Target, value, null, compound);
        return value;
    }

    private TaintValue AssignJoined(IOperation target, TaintValue value, IOperation assignment)
    {
        WriteTo(target, value, null, assignment);
        return value;
    }

    /// <summary>Stores a value into whatever an assignment's target denotes.</summary>
    private void WriteTo(IOperation target, TaintValue value, IOperation? valueOperation, IOperation assignment)
    {
        // The graph turns 'var name = value;' into an implicit assignment: it is still a step the user wrote.
        var step = !assignment.IsImplicit || target is ILocalReferenceOperation { IsDeclaration: true, Local.IsImplicitlyDeclared: false }
            ? assignment.Syntax.GetLocation()
            : null;
        var stored = step is null ? value : value.WithStep(step);
        switch (target)
        {
            case IPropertyReferenceOperation { Arguments.Length: > 0 } indexer:
                WriteIndexer(indexer, stored, assignment);
                return;
            case IArrayElementReferenceOperation element:
                var array = Evaluate(element.ArrayReference);
                foreach (var index in element.Indices) Evaluate(index);
                Mutate(PlaceOf(element.ArrayReference), array, stored, assignment);
                return;
            case IPropertyReferenceOperation property:
                WriteProperty(property, stored, valueOperation, assignment);
                return;
            case IFieldReferenceOperation field:
                if (field.Instance is { } fieldInstance && PlaceOf(fieldInstance) is null) Evaluate(fieldInstance);
                StorePlace(PlaceOf(field), stored, valueOperation, field.Instance);
                return;
            case IFlowCaptureReferenceOperation capture when _capturedTargets.TryGetValue(capture.Id, out var captured):
                WriteTo(captured, value, valueOperation, assignment);
                return;
            default:
                StorePlace(PlaceOf(target), stored, valueOperation, null);
                return;
        }
    }

    private void StorePlace(Place? place, TaintValue value, IOperation? valueOperation, IOperation? receiver)
    {
        if (place is not { } target)
        {
            return;
        }

        if (valueOperation is not null && PlaceOf(valueOperation) is { } from && !from.Equals(target))
        {
            // An object assigned to another variable: both names see what is in it (its own value and
            // its paths, not the composite), and what is put in through the new name reaches the old one.
            var own = IsVariableReference(valueOperation) ? _state.Get(from).WithSteps(value) : value;
            _state.Copy(from, target, own);
            if (IsMutableReference(valueOperation.Type) && _state.Get(target).WritesInto is null)
            {
                _state.ReplaceOwn(target, _state.Get(target).WithWritesInto(from));
            }
        }
        else
        {
            _state.Set(target, value);
        }

        NoteFieldWrite(target, _state.Get(target));
        if (receiver is not null && PlaceOf(receiver) is { } owner)
        {
            FollowWriteLinks(owner, value.Carried(), receiver);
        }
    }

    private static bool IsVariableReference(IOperation operation) => operation switch
    {
        IConversionOperation conversion => IsVariableReference(conversion.Operand),
        ILocalReferenceOperation or IParameterReferenceOperation or IFlowCaptureReferenceOperation or IInstanceReferenceOperation => true,
        _ => false,
    };

    private static bool IsMutableReference(ITypeSymbol? type) =>
        type is not null && type.IsReferenceType && type.SpecialType != SpecialType.System_String && type.TypeKind != TypeKind.Delegate;

    private TaintValue Deconstruct(IDeconstructionAssignmentOperation deconstruction)
    {
        var source = SkipConversions(deconstruction.Value);
        if (Unwrap(deconstruction.Target) is ITupleOperation targets
            && source is ITupleOperation tuple && tuple.Elements.Length == targets.Elements.Length)
        {
            // Element by element: (name, count) = (symbol.Name, 3) leaves count clean.
            var result = TaintValue.Clean;
            for (var i = 0; i < targets.Elements.Length; i++)
            {
                var element = Evaluate(tuple.Elements[i]);
                WriteTo(Unwrap(targets.Elements[i]), element.Carried(), null, deconstruction);
                result = result.Join(element.Carried());
            }

            return result;
        }

        var value = Evaluate(deconstruction.Value);
        if (Unwrap(deconstruction.Target) is ITupleOperation all)
        {
            foreach (var target in all.Elements)
            {
                // var (name, count) = Describe(symbol): the whole goes to each part its type lets carry data.
                var part = Unwrap(target);
                WriteTo(part, TupleElement(part.Type, value.Carried()), null, deconstruction);
            }
        }

        return value;
    }

    /// <summary>
    /// The share of a tuple's value one element gets: all of it, unless the element's type carries no data
    /// (a number); a bool keeps what the tuple says, which may be a test of content.
    /// </summary>
    private TaintValue TupleElement(ITypeSymbol? type, TaintValue tuple) =>
        type?.SpecialType == SpecialType.System_Boolean ? tuple : Typed(type, tuple);

    private static IOperation Unwrap(IOperation operation) => operation is IDeclarationExpressionOperation declaration ? declaration.Expression : operation;

    private static IOperation SkipConversions(IOperation operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? SkipConversions(conversion.Operand) : operation;

    private TaintValue ReadElement(IArrayElementReferenceOperation element)
    {
        var array = Evaluate(element.ArrayReference);
        foreach (var index in element.Indices)
        {
            Evaluate(index);
        }

        return array.Carried();
    }

    /// <summary>
    /// Formatting an object calls its ToString: <c>$"{node}"</c> and <c>"id " + projectId</c> produce what
    /// a source model says that ToString produces, though the object itself carries nothing.
    /// </summary>
    private TaintValue Formatted(IOperation operand, TaintValue value)
    {
        var type = operand is IConversionOperation { Type.SpecialType: SpecialType.System_Object } conversion ? conversion.Operand.Type : operand.Type;
        if (type is null || type.SpecialType is SpecialType.System_String or SpecialType.System_Object || _context.Types.ObjectToString is not { } toString)
        {
            return value;
        }

        return FindModel(toString, type) is { Behaviour: ModelBehaviour.Source } model
            ? value.Join(TaintValue.FromSource(model.Label, model.Api, operand.Syntax.GetLocation()))
            : value;
    }

    private TaintValue VisitInterpolatedString(IInterpolatedStringOperation interpolated)
    {
        var result = TaintValue.Clean;
        var prefix = new System.Text.StringBuilder();
        var prefixOpen = true;
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text:
                    if (prefixOpen && text.Text.ConstantValue.Value is string literal) prefix.Append(literal);
                    break;
                case IInterpolationOperation hole:
                    var value = Formatted(hole.Expression, Evaluate(hole.Expression));
                    Evaluate(hole.Alignment);
                    Evaluate(hole.FormatString);
                    if (prefixOpen && hole.Expression.ConstantValue.Value is string constant) prefix.Append(constant);
                    else prefixOpen = false;
                    result = result.Join(value.Carried());
                    break;
                default:
                    result = result.Join(Evaluate(part).Carried());
                    prefixOpen = false;
                    break;
            }
        }

        if (interpolated.Parts.Length > 0 && interpolated.Parts[interpolated.Parts.Length - 1] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string suffix }
            && HasSourceExtension(suffix.Trim()))
        {
            result = result.WithHandles(result.Handles | Handle.SourceFilePath);
        }

        return prefix.Length == 0 ? result : result.WithEndpoint(new EndpointFact(prefix.ToString(), prefixOpen, decoded: false));
    }
}
