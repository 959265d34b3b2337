using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>Transfer functions of field and property reads and writes, and of writes into objects.</summary>
internal sealed partial class MethodFlowAnalysis
{
    private const int MaxWriteLinks = 4;

    private TaintValue ReadProperty(IPropertyReferenceOperation reference)
    {
        var receiver = reference.Instance;
        var receiverValue = receiver is null ? TaintValue.Clean : Evaluate(receiver);
        var indexValue = TaintValue.Clean;
        foreach (var argument in reference.Arguments)
        {
            indexValue = indexValue.Join(Evaluate(argument.Value).Carried());
        }

        var property = reference.Property;
        if (FindModel(property, receiver?.Type) is { } model && ApplyReadModel(model, reference, receiverValue) is { } modelled)
        {
            return modelled;
        }

        if (reference.Arguments.Length > 0)
        {
            var holder = IsMapIndexer(property) ? ValuesOf(receiver, receiverValue) : receiverValue;
            return Typed(reference.Type, holder.Carried());
        }

        if (PlaceOf(reference) is { } place && (_state.HasEntryAt(place) || IsAutoProperty(property)))
        {
            return Typed(reference.Type, ReadMember(place, property), receiverValue, reference);
        }

        if (IsAutoProperty(property))
        {
            return Typed(reference.Type, ReadUnplaced(property, receiverValue), receiverValue, reference);
        }

        if (_context.Summaries.ForAccessor(property.GetMethod, _calls, _cancellationToken) is { } summary)
        {
            return ApplySummaryResult(summary, reference, receiver, receiverValue, System.Array.Empty<ArgumentValue>());
        }

        return Typed(reference.Type, receiverValue.Carried(), receiverValue, reference);
    }

    private TaintValue ReadField(IFieldReferenceOperation reference)
    {
        var receiver = reference.Instance;
        var receiverValue = receiver is null || PlaceOf(receiver) is not null ? TaintValue.Clean : Evaluate(receiver);
        if (FindModel(reference.Field, receiver?.Type) is { } model && ApplyReadModel(model, reference, receiverValue) is { } modelled)
        {
            return modelled;
        }

        if (PlaceOf(reference) is { } place)
        {
            var member = ReadMember(place, reference.Field);
            // t.Item2 of a tuple whose element was never written apart: t's value, as its type allows.
            return reference.Field.ContainingType.IsTupleType ? TupleElement(reference.Type, member) : member;
        }

        return Typed(reference.Type, ReadUnplaced(reference.Field, receiverValue));
    }

    /// <summary>
    /// A field or auto-property of an object this method holds in no place (<c>new T(x).F</c>, <c>Make(x).F</c>):
    /// what the object carries and what any member writes there, as for a place this method never wrote.
    /// </summary>
    private TaintValue ReadUnplaced(ISymbol member, TaintValue receiverValue)
    {
        var carried = receiverValue.Carried();
        return IsDeclaredInSource(member) ? WithWrites(carried, member) : carried;
    }

    /// <summary>
    /// The value, kept only when the type can carry data and is not a handle (see <see cref="HandleTypes"/>);
    /// a bool keeps what a probe says.
    /// </summary>
    private TaintValue Typed(ITypeSymbol? type, TaintValue value, TaintValue? receiver = null, IOperation? reference = null)
    {
        if (DataShape.CarriesData(type) && !_context.Catalog.Handles.IsHandle(type))
        {
            return value;
        }

        if (type?.SpecialType == SpecialType.System_Boolean && receiver?.Condition is { Kind: ConditionKind.ContentProbe } probe && reference is not null)
        {
            // Match.Success: a bool read from a probe of content is a test of that content.
            return TaintValue.FromCondition(probe.AsTest(reference.Syntax.GetLocation()));
        }

        return value.Condition is { Kind: ConditionKind.Gate } ? TaintValue.FromCondition(value.Condition) : TaintValue.Clean;
    }

    private static bool IsDeclaredInSource(ISymbol symbol) => !symbol.DeclaringSyntaxReferences.IsEmpty;

    private static bool IsAutoProperty(IPropertySymbol property) =>
        IsDeclaredInSource(property) && (property.GetMethod is null || property.GetMethod.IsImplicitlyDeclared || SummaryStore.IsAutoAccessor(property.GetMethod));

    /// <summary>
    /// A field or auto-property: what this method put there, else what its object holds and what any
    /// member of the compilation writes there (the field index).
    /// </summary>
    private TaintValue ReadMember(Place place, ISymbol member)
    {
        var value = _state.Composite(place);
        if (_state.HasEntryAt(place))
        {
            return value;
        }

        return WithWrites(value, member);
    }

    /// <summary>
    /// What an object holds of a member joined with what any member of the compilation writes there. What the object
    /// may carry adds data, but says nothing about consent: the writes decide that.
    /// </summary>
    private TaintValue WithWrites(TaintValue held, ISymbol member)
    {
        var written = _context.Summaries.FieldValue(member, _calls, _cancellationToken);
        var joined = held.Join(written);
        return joined.WithCondition(written.Condition ?? joined.Condition);
    }

    private static ITypeSymbol? TypeOf(ISymbol member) => member switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        IEventSymbol @event => @event.Type,
        _ => null,
    };

    /// <summary>Records a write into a field or property of this compilation, for the field index.</summary>
    private void NoteFieldWrite(Place target, TaintValue value)
    {
        var matters = value.IsTainted || (value.Handles & ~Handle.Given) != Handle.None || value.Condition is not null || !value.Functions.IsEmpty;
        Note(target.Root);
        Note(target.First);
        Note(target.Second);

        void Note(object? part)
        {
            if (part is IFieldSymbol or IPropertySymbol or IEventSymbol && part is ISymbol member && IsDeclaredInSource(member)
                && (matters || TypeOf(member)?.SpecialType == SpecialType.System_Boolean))
            {
                _findings.NoteFieldWrite(member, value);
            }
        }
    }

    private void WriteProperty(IPropertyReferenceOperation reference, TaintValue value, IOperation? valueOperation, IOperation assignment)
    {
        var receiver = reference.Instance;
        var receiverValue = receiver is null || PlaceOf(receiver) is not null ? TaintValue.Clean : Evaluate(receiver);
        if (receiver is not null && PlaceOf(receiver) is { } receiverPlace)
        {
            receiverValue = _state.Composite(receiverPlace);
        }

        if (FindModel(reference.Property, receiver?.Type) is { } model)
        {
            switch (model.Behaviour)
            {
                case ModelBehaviour.SinkSetter:
                    RecordSink(assignment, model.Api, model.SinkKind, Carriers(value, valueOperation?.Syntax ?? assignment.Syntax), null);
                    break;
                case ModelBehaviour.ProcessStart when receiver is not null && PlaceOf(receiver) is { } process:
                    var handle = ProcessHandle(valueOperation?.ConstantValue.Value as string);
                    if (handle != Handle.None)
                    {
                        _state.ReplaceOwn(process, _state.Get(process).WithHandles(_state.Get(process).Handles | handle));
                    }

                    break;
            }
        }

        if (_context.Summaries.ForAccessor(reference.Property.SetMethod, _calls, _cancellationToken) is { } setter)
        {
            // The assigned value is the setter's parameter 0, `value`: what the setter sends or tests of it is
            // this assignment's. What it stores of it, the property's own place holds (StorePlace below): put
            // into the whole receiver, it would taint every other member read from it.
            var argument = new ArgumentValue(null, value, valueOperation?.Syntax ?? assignment.Syntax) { Ordinal = 0 };
            ApplySummaryResult(setter.WithContentsOfItsOwn(), reference, receiver, receiverValue, new[] { argument });
        }

        StorePlace(PlaceOf(reference), value, valueOperation, receiver);
    }

    private void WriteIndexer(IPropertyReferenceOperation indexer, TaintValue value, IOperation assignment)
    {
        var receiver = indexer.Instance;
        var receiverValue = receiver is null ? TaintValue.Clean : Evaluate(receiver);
        var keys = TaintValue.Clean;
        SyntaxNode? keySyntax = null;
        foreach (var argument in indexer.Arguments)
        {
            keys = keys.Join(Evaluate(argument.Value).Carried());
            keySyntax ??= argument.Syntax;
        }

        var valueSyntax = assignment is ISimpleAssignmentOperation simple ? simple.Value.Syntax : assignment.Syntax;
        if (SinkCollectionOf(receiver) is { } sink)
        {
            RecordSink(assignment, sink.Api, sink.SinkKind, Carriers(value, valueSyntax, keys, keySyntax ?? assignment.Syntax), null);
        }

        if (IsMapIndexer(indexer.Property))
        {
            Mutate(PlaceOf(receiver), receiverValue, value, assignment, keys);
        }
        else
        {
            Mutate(PlaceOf(receiver), receiverValue, value.Join(keys), assignment);
        }
    }

    /// <summary>A library map's indexer (a dictionary's): its argument is a key.</summary>
    private static bool IsMapIndexer(IPropertySymbol indexer) =>
        indexer.Parameters.Length == 1 && IsKeyParameter(indexer.Parameters[0]) && indexer.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>A parameter that takes a map's key: of the map's TKey type, or named key.</summary>
    private static bool IsKeyParameter(IParameterSymbol parameter) =>
        parameter.OriginalDefinition.Type is ITypeParameterSymbol { Name: "TKey" } || parameter.Name == "key";

    /// <summary>
    /// What a look-up in a map returns: its values, without the keys put into it. Only for a map held
    /// in a local or parameter that this method put keys into; one in a field is seen as a whole.
    /// </summary>
    private TaintValue ValuesOf(IOperation? map, TaintValue whole) =>
        map is not null && PlaceOf(map) is { IsRoot: true } place && _state.HasKeys(place) ? _state.Values(place) : whole;

    /// <summary>
    /// The model of a collection whose writes are sends: the telemetry context's global properties,
    /// or the properties of a telemetry item the method was given (an initializer's). The properties
    /// of an item the method creates are reported where the item is tracked instead.
    /// </summary>
    private MemberModel? SinkCollectionOf(IOperation? collection)
    {
        if (collection is not IPropertyReferenceOperation owner || FindModel(owner.Property, owner.Instance?.Type) is not { } model)
        {
            return null;
        }

        return model.Behaviour switch
        {
            ModelBehaviour.SinkCollection => model,
            ModelBehaviour.SinkCollectionGiven when IsGiven(owner.Instance) => model,
            _ => null,
        };
    }

    /// <summary>An object the method was given (a parameter, a field, or a local bound from one), not one it made.</summary>
    private bool IsGiven(IOperation? instance) =>
        PlaceOf(instance) is { } place && (place.Root is IParameterSymbol or IFieldSymbol
            || _state.Composite(place).Parameters != 0 || _state.Composite(place).Handles.HasFlag(Handle.Given));

    /// <summary>
    /// Something is put into an object: its contents now carry the data, and so does every object it
    /// writes into (a StreamWriter's stream, a CryptoStream's output), hidden the way each writer hides it.
    /// A write chain that ends in a network stream is a sink.
    /// </summary>
    private void Mutate(Place? receiverPlace, TaintValue receiverValue, TaintValue data, IOperation at, TaintValue? keys = null,
        ITypeSymbol? receiverType = null)
    {
        if (keys is { IsTainted: true } && receiverPlace is { } map)
        {
            // A map's keys are kept apart from its values: a look-up by key does not return them.
            // Fields and write links see them as a whole, as they see everything put into an object.
            var keysWritten = keys.Carried().WithStep(at.Syntax.GetLocation());
            _state.JoinInto(map.KeysPlace, keysWritten);
            NoteFieldWrite(map, keysWritten);
            FollowWriteLinks(map, keysWritten, at);
        }
        else if (keys is not null)
        {
            data = data.Join(keys);
        }

        if (!data.IsTainted)
        {
            return;
        }

        var step = at.Syntax.GetLocation();
        var written = data.Carried().WithStep(step);
        if (receiverPlace is { IsRoot: false } && receiverValue.Handles.HasFlag(Handle.NetworkStream) && receiverValue.WritesInto is null
            && _context.Types.IsWriter(receiverType))
        {
            // A stream or writer read from state carries the network stream it writes into, without the
            // link to it (the link was its writer's): what is written through it is sent. (A builder that
            // merely holds text read from the network carries the handle too, and sends nothing.)
            RecordSink(at, DisplayApi(at), SinkKind.Network, Carriers(data, at.Syntax), null);
        }

        if (receiverPlace is { } place)
        {
            // What is written to a writer held in a member goes where the writer writes (a file, a
            // stream; its write links follow it), not into the object that holds the writer: a
            // logger that writes to a file does not carry the log into the options that hold it.
            var intoOwners = place.IsRoot || !_context.Types.IsWriter(receiverType);
            _state.JoinInto(place.ContentsPlace, written, intoOwners);
            NoteFieldWrite(place, written);
            FollowWriteLinks(place, written, at);
        }
        else if (receiverValue.WritesInto is { } target)
        {
            var hidden = written.WithObfuscation(receiverValue.WriteObfuscation, step);
            _state.JoinInto(target.ContentsPlace, hidden);
            FollowWriteLinks(target, hidden, at);
        }
    }

    private void FollowWriteLinks(Place start, TaintValue data, IOperation at)
    {
        if (!data.IsTainted)
        {
            return;
        }

        var step = at.Syntax.GetLocation();
        var current = start;
        for (var hop = 0; hop < MaxWriteLinks; hop++)
        {
            var value = _state.Get(current);
            if (value.Handles.HasFlag(Handle.NetworkStream) && hop > 0)
            {
                RecordSink(at, DisplayApi(at), SinkKind.Network, Carriers(data, at.Syntax), null);
                return;
            }

            if (value.WritesInto is not { } next || next.Equals(current))
            {
                return;
            }

            data = data.WithObfuscation(value.WriteObfuscation, step);
            _state.JoinInto(next.ContentsPlace, data);
            NoteFieldWrite(next, data);
            current = next;
        }
    }

    private static string DisplayApi(IOperation at) => at switch
    {
        IInvocationOperation invocation => ModelCatalog.DisplayName(invocation.TargetMethod.ContainingType) + "." + invocation.TargetMethod.Name,
        _ => "Stream.Write",
    };
}
