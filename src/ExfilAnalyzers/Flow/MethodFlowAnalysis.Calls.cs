using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static ExfilAnalyzers.Flow.NamePrefixes;

namespace ExfilAnalyzers.Flow;

/// <summary>One evaluated argument: the operation, its value, and where a report points.</summary>
internal readonly record struct ArgumentValue(IArgumentOperation? Argument, TaintValue Value, SyntaxNode Syntax)
{
    /// <summary>Where a report about an argument points: its expression, without a name or ref keyword.</summary>
    public static SyntaxNode At(IArgumentOperation argument) =>
        argument.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax syntax ? syntax.Expression : argument.Syntax;

    /// <summary>For a params argument: each element with its own value, so a report points at the element.</summary>
    public Carrier[]? Elements { get; init; }

    /// <summary>The position of an argument that has no parameter symbol (a callback's), else -1.</summary>
    public int Ordinal { get; init; } = -1;

    public RefKind RefKind => Argument?.Parameter?.RefKind ?? RefKind.None;

    public IParameterSymbol? Parameter => Argument?.Parameter;

    public bool IsOut => RefKind == RefKind.Out;
}

/// <summary>A value that a sink sends, with the syntax a report points at.</summary>
internal readonly record struct Carrier(TaintValue Value, SyntaxNode Syntax);

/// <summary>Transfer functions of calls: models first, then the callee's summary, then the default rule.</summary>
internal sealed partial class MethodFlowAnalysis
{
    private static readonly string[] MutatorPrefixes = WriteMention.ReceiverMutatorPrefixes;
    private static readonly string[] FillerPrefixes = { "Read", "Copy", "BlockCopy", "Get", "Transform", "Encrypt", "Encode", "TryEncode", "Decode", "TryDecode", "TryWrite", "TryFormat" };

    private TaintValue VisitInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return CallLocalFunction(invocation);
        }

        var receiver = invocation.Instance;
        var receiverValue = receiver is null || IsPlainFieldRead(receiver) && IgnoresReceiver(invocation) ? TaintValue.Clean : Evaluate(receiver);
        var arguments = EvaluateArguments(invocation.Arguments, receiver is null ? null : receiverValue);
        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            return InvokeDelegate(invocation, receiver, receiverValue, arguments);
        }

        var receiverType = receiver?.Type ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Type : null);
        return ApplyCall(method, invocation, receiver, receiverType, receiverValue, arguments, invocation.Type);
    }

    private TaintValue VisitObjectCreation(IObjectCreationOperation creation)
    {
        var arguments = EvaluateArguments(creation.Arguments, null);
        var result = creation.Constructor is { } constructor
            ? ApplyCall(constructor, creation, null, null, TaintValue.Clean, arguments, creation.Type)
            : TaintValue.Clean;
        if (creation.Initializer is { } initializer)
        {
            result = result.Join(Evaluate(initializer).Carried());
        }

        return result;
    }

    /// <summary>
    /// Arguments in order; a lambda argument last, with its parameters holding the elements of the
    /// receiver (or of the first argument of a static call): what LINQ and ForEach pass it.
    /// </summary>
    private ArgumentValue[] EvaluateArguments(ImmutableArray<IArgumentOperation> arguments, TaintValue? receiverValue)
    {
        var values = new ArgumentValue[arguments.Length];
        List<int>? lambdas = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (IsFunction(argument.Value))
            {
                (lambdas ??= new()).Add(i);
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                values[i] = ParamsArgument(argument, initializer);
                continue;
            }

            var value = argument.Parameter?.RefKind == RefKind.Out ? TaintValue.Clean : Evaluate(argument.Value);
            if (Formats(argument)) value = Formatted(argument.Value, value);
            values[i] = new ArgumentValue(argument, value, ArgumentValue.At(argument));
        }

        if (lambdas is not null)
        {
            var elements = receiverValue ?? (values.Length > 0 && lambdas[0] != 0 ? values[0].Value : TaintValue.Clean);
            foreach (var i in lambdas)
            {
                var value = EvaluateFunction(arguments[i].Value, elements.Carried());
                values[i] = new ArgumentValue(arguments[i], value, ArgumentValue.At(arguments[i]));
            }
        }

        return values;
    }

    private ArgumentValue ParamsArgument(IArgumentOperation argument, IArrayInitializerOperation initializer)
    {
        var elements = new Carrier[initializer.ElementValues.Length];
        var joined = TaintValue.Clean;
        var formats = Formats(argument);
        for (var i = 0; i < elements.Length; i++)
        {
            var element = initializer.ElementValues[i];
            var value = formats ? Formatted(element, Evaluate(element)) : Evaluate(element);
            elements[i] = new Carrier(value, element.Syntax);
            joined = joined.Join(value.Carried());
        }

        return new ArgumentValue(argument, joined, ArgumentValue.At(argument)) { Elements = elements };
    }

    private static readonly string[] FormattingNames = { "Format", "Concat", "Join", "Append", "AppendFormat", "AppendLine", "Write", "WriteLine", "Log" };

    /// <summary>
    /// An object argument that the callee turns into text: string.Format, StringBuilder.Append(object),
    /// TextWriter.Write, logging calls, and any sink that takes an object (a tag, a property).
    /// </summary>
    private bool Formats(IArgumentOperation argument)
    {
        var type = argument.Parameter?.Type;
        if (type is IArrayTypeSymbol array) type = array.ElementType;
        if (type?.SpecialType != SpecialType.System_Object || argument.Parent is not IInvocationOperation { TargetMethod: var method } invocation)
        {
            return false;
        }

        return StartsWithAny(method.Name, FormattingNames) || FindModel(method, invocation.Instance?.Type)?.IsSink == true;
    }

    private static bool IsFunction(IOperation operation) => operation switch
    {
        IDelegateCreationOperation creation => IsFunction(creation.Target),
        IConversionOperation conversion => IsFunction(conversion.Operand),
        IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation => true,
        _ => false,
    };

    private TaintValue EvaluateFunction(IOperation operation, TaintValue parameterValue) => operation switch
    {
        IDelegateCreationOperation creation => EvaluateFunction(creation.Target, parameterValue),
        IConversionOperation conversion => EvaluateFunction(conversion.Operand, parameterValue),
        // Run here on the elements (List.ForEach, Select), and kept as a function for a callee of this
        // compilation that stores or invokes it (a callback registered through a method).
        IFlowAnonymousFunctionOperation lambda => AnalyzeLambda(lambda, parameterValue).WithFunctions(ImmutableArray.Create(FunctionRef.For(lambda, _cfg))),
        _ => Evaluate(operation),
    };

    private MemberModel? FindModel(ISymbol member, ITypeSymbol? receiverType) => _context.Catalog.Find(member, receiverType);

    private TaintValue ApplyCall(IMethodSymbol method, IOperation call, IOperation? receiver, ITypeSymbol? receiverType,
        TaintValue receiverValue, ArgumentValue[] arguments, ITypeSymbol? resultType)
    {
        if (FindModel(method, receiverType) is { } model)
        {
            return ApplyCallModel(model, method, call, receiver, receiverValue, arguments, resultType);
        }

        var isVirtual = call is IInvocationOperation { IsVirtual: true };
        var summary = NeedsSummary(method, receiverValue, arguments, isVirtual)
            ? _context.Summaries.ForCall(method, receiverType, _calls, _cancellationToken, isVirtual)
            : null;
        if (MethodBodies.HasSourceBody(method.OriginalDefinition) || method.MethodKind == MethodKind.Constructor && !method.DeclaringSyntaxReferences.IsEmpty)
        {
            NoteCall(method, arguments, summary);
        }

        return summary is not null
            ? ApplySummary(summary, method, call, receiver, receiverValue, arguments)
            : DefaultCall(method, call, receiver, receiverValue, arguments, resultType);
    }

    /// <summary>
    /// A callee's summary is consulted only when the call gives it data, a content test holds here
    /// (its sinks would be triggered), or the callee may produce data or consent facts itself. This
    /// keeps the analysis demand-driven: a callee nothing sensitive reaches is never analysed.
    /// </summary>
    private bool NeedsSummary(IMethodSymbol method, TaintValue receiverValue, ArgumentValue[] arguments, bool isVirtual)
    {
        if (receiverValue.IsTainted || _state.Trigger is not null)
        {
            return true;
        }

        foreach (var argument in arguments)
        {
            if (argument.Value is { } value && (value.IsTainted || !value.Functions.IsEmpty || (value.Handles & ~Models.Handle.Given) != Models.Handle.None))
            {
                return true;
            }
        }

        return _context.Summaries.MayProduce(method, isVirtual, _cancellationToken);
    }

    /// <summary>
    /// What a call passes to a method of this compilation, for the fields its parameters reach: data,
    /// network streams, and callbacks the callee stores (a function kept here keeps the graph it was
    /// made in). A field is one value for all instances, so a function passed is kept only when it
    /// returns nothing, and what a lambda returns is not kept as data: a function that computes a value
    /// (the Func a lazy value holds) would hand one instance's result to every reader of every instance.
    /// </summary>
    private void NoteCall(IMethodSymbol method, ArgumentValue[] arguments, MethodSummary? summary)
    {
        var values = new TaintValue[method.Parameters.Length];
        for (var i = 0; i < values.Length; i++) values[i] = TaintValue.Clean;
        var any = false;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || parameter.Ordinal >= values.Length || argument.Value is not { } value)
            {
                continue;
            }

            var callback = !value.Functions.IsEmpty && summary is not null && Stores(summary, parameter.Ordinal) && IsCallback(parameter.Type);
            var data = argument.Argument is { } passedOperation && IsFunction(passedOperation.Value) ? TaintValue.Clean : value.DataOnly();
            var stream = value.Handles & Models.Handle.NetworkStream;
            if (data.IsTainted || callback || stream != Models.Handle.None)
            {
                var passed = callback ? data.WithFunctions(value.Functions) : data;
                if (stream != Models.Handle.None) passed = passed.WithHandles(passed.Handles | stream);
                values[parameter.Ordinal] = values[parameter.Ordinal].Join(passed);
                any = true;
            }
        }

        if (any)
        {
            _findings.NoteCall(method.OriginalDefinition, values);
        }
    }

    /// <summary>Whether the callee's summary stores that parameter in a field or property.</summary>
    private static bool Stores(MethodSummary summary, int ordinal)
    {
        if (ordinal >= 63)
        {
            return false;
        }

        foreach (var written in summary.FieldWrites.Values)
        {
            if ((written.Parameters & (1UL << ordinal)) != 0) return true;
        }

        return false;
    }

    /// <summary>A delegate type whose functions return nothing, or only a task to await.</summary>
    private bool IsCallback(ITypeSymbol type) =>
        type is INamedTypeSymbol { DelegateInvokeMethod: { } invoke }
        && (invoke.ReturnsVoid || SymbolEqualityComparer.Default.Equals(invoke.ReturnType, _context.Types.Task)
            || SymbolEqualityComparer.Default.Equals(invoke.ReturnType, _context.Types.ValueTask));

    /// <summary>
    /// The default rule for a call nobody modelled: its result carries the data of its receiver and
    /// arguments when its type can carry data; a mutating call puts its arguments into its receiver;
    /// a call that fills a buffer or writer argument puts the rest into it; out arguments get the data.
    /// </summary>
    private TaintValue DefaultCall(IMethodSymbol method, IOperation call, IOperation? receiver, TaintValue receiverValue,
        ArgumentValue[] arguments, ITypeSymbol? resultType)
    {
        var argumentData = TaintValue.Clean;
        var resultData = TaintValue.Clean;
        ConditionFact? lambdaTest = null;
        var lookup = HasLookupKey(method);
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (argument.IsOut)
            {
                continue;
            }

            argumentData = argumentData.Join(argument.Value.Carried());
            if (lookup && i == 0 && method.IsExtensionMethod && receiver is null)
            {
                // d.GetValueOrDefault(key): the map is the first argument; its keys do not come back.
                resultData = resultData.Join(ValuesOf(argument.Argument?.Value, argument.Value).Carried());
            }
            else if (!IsLookupKey(method, argument))
            {
                resultData = resultData.Join(argument.Value.Carried());
            }

            if (argument.Value.Condition is { Kind: ConditionKind.ContentTest } test)
            {
                lambdaTest ??= test.AsTest(call.Syntax.GetLocation());
            }
        }

        var data = (lookup ? ValuesOf(receiver, receiverValue) : receiverValue).Carried().Join(resultData);
        MutateReceiver(method, call, receiver, receiverValue, arguments, argumentData);
        FillArguments(method, call, receiver, receiverValue, arguments);
        WriteOutArguments(arguments, data, call);

        if (resultType?.SpecialType == SpecialType.System_Boolean && lambdaTest is not null)
        {
            return TaintValue.FromCondition(lambdaTest);
        }

        // Path.Combine(dir, "Program.cs"), Path.ChangeExtension(path, ".cs"): a path to a source file.
        if (resultType?.SpecialType == SpecialType.System_String && arguments.Length > 0
            && arguments[arguments.Length - 1].Argument?.Value.ConstantValue.Value is string last && HasSourceExtension(last))
        {
            data = data.WithHandles(data.Handles | Handle.SourceFilePath);
        }

        var result = DataShape.CarriesData(resultType) && !_context.Catalog.Handles.IsHandle(resultType) ? data : TaintValue.Clean;
        return IsFluentMutator(method, receiver) ? IntoReceiver(result, receiver!, receiverValue) : result;
    }

    /// <summary>
    /// A mutator that returns its receiver, as builders do (<c>StringBuilder.Append</c>): in
    /// <c>sb.Append("a: ").Append(name)</c> the second call's receiver is what the first returned.
    /// </summary>
    private static bool IsFluentMutator(IMethodSymbol method, IOperation? receiver) =>
        receiver is not null && StartsWithAny(method.Name, MutatorPrefixes) && ReturnsItsReceiver(method, receiver);

    private static bool ReturnsItsReceiver(IMethodSymbol method, IOperation receiver) =>
        SymbolEqualityComparer.Default.Equals(method.ReturnType.OriginalDefinition, receiver.Type?.OriginalDefinition);

    /// <summary>The result of a fluent call, which is its receiver: what is put into it goes where the receiver's would.</summary>
    private TaintValue IntoReceiver(TaintValue result, IOperation receiver, TaintValue receiverValue) =>
        PlaceOf(receiver) is { } place ? result.WithWritesInto(place)
        : receiverValue.WritesInto is { } target ? result.WithWritesInto(target, receiverValue.WriteObfuscation)
        : result;

    /// <summary>
    /// The key of a library lookup (TryGetValue, GetValueOrDefault, GetOrAdd...): it selects an entry,
    /// and what comes back is the map's, not the key's, as with an indexer. Putting an entry in
    /// (Add, TryAdd, the indexer's setter) still puts the key into the map.
    /// </summary>
    private static bool IsLookupKey(IMethodSymbol method, ArgumentValue argument) =>
        argument.Parameter is { } parameter && IsLibraryKey(method, parameter) && !StartsWithAny(method.Name, MutatorPrefixes);

    private static bool IsLibraryKey(IMethodSymbol method, IParameterSymbol parameter) =>
        IsKeyParameter(parameter) && !MethodBodies.HasSourceBody(method.OriginalDefinition);

    private static bool HasLookupKey(IMethodSymbol method)
    {
        if (StartsWithAny(method.Name, MutatorPrefixes) || MethodBodies.HasSourceBody(method.OriginalDefinition)) return false;
        foreach (var parameter in method.Parameters)
        {
            if (IsKeyParameter(parameter)) return true;
        }

        return false;
    }

    private void MutateReceiver(IMethodSymbol method, IOperation call, IOperation? receiver, TaintValue receiverValue,
        ArgumentValue[] arguments, TaintValue argumentData)
    {
        var target = receiver;
        var targetValue = receiverValue;
        if (target is null && method.IsExtensionMethod && arguments.Length > 0 && arguments[0].Argument is { } first)
        {
            target = first.Value;
            targetValue = arguments[0].Value;
            argumentData = TaintValue.Clean;
            for (var i = 1; i < arguments.Length; i++)
            {
                if (!arguments[i].IsOut) argumentData = argumentData.Join(arguments[i].Value.Carried());
            }
        }

        if (target is null || !argumentData.IsTainted)
        {
            return;
        }

        if (SinkCollectionOf(target) is { } sink)
        {
            RecordSink(call, sink.Api, sink.SinkKind, SinkCarriers(call, TaintValue.Clean, arguments), null);
        }

        // Add, Append, Write, Enqueue, TryWrite... put their arguments into the receiver, whether they return
        // nothing, the receiver, a flag, a count or a plain task (Stream.WriteAsync, ChannelWriter.WriteAsync);
        // so does any void method of a collection or writer (UnionWith, CopyTo's receiver excepted). LINQ and
        // other queries, which return data, do not.
        var mutates = (StartsWithAny(method.Name, MutatorPrefixes)
                && (method.ReturnsVoid || ReturnsItsReceiver(method, target) || !DataShape.CarriesData(method.ReturnType)))
            || (receiver is not null && method.ReturnsVoid && _context.Types.IsContainer(target.Type));
        if (mutates)
        {
            var start = receiver is null ? 1 : 0;
            var keys = TaintValue.Clean;
            var values = TaintValue.Clean;
            for (var i = start; i < arguments.Length; i++)
            {
                if (arguments[i].IsOut) continue;
                if (arguments[i].Parameter is { } parameter && IsLibraryKey(method, parameter)) keys = keys.Join(arguments[i].Value.Carried());
                else values = values.Join(arguments[i].Value.Carried());
            }

            // map.Add(key, value): the key goes with the map's keys, the value with its values.
            Mutate(PlaceOf(target), targetValue, values, call, keys, target.Type);
        }
    }

    private void FillArguments(IMethodSymbol method, IOperation call, IOperation? receiver, TaintValue receiverValue, ArgumentValue[] arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (argument.RefKind != RefKind.None || argument.Argument is null || argument.Parameter is null)
            {
                continue;
            }

            var parameterType = argument.Parameter.Type;
            var isWriter = _context.Types.IsWriter(parameterType) && (receiver is null || !_context.Types.IsWriter(receiver.Type)
                || method.Name is "CopyTo" or "CopyToAsync" or "WriteTo");
            var isBuffer = DataShape.IsBytesOrChars(parameterType) && StartsWithAny(method.Name, FillerPrefixes);
            if (!isWriter && !isBuffer)
            {
                continue;
            }

            var data = receiverValue.Carried();
            for (var j = 0; j < arguments.Length; j++)
            {
                if (j != i && !arguments[j].IsOut) data = data.Join(arguments[j].Value.Carried());
            }

            if (data.IsTainted)
            {
                Mutate(PlaceOf(argument.Argument.Value), argument.Value, data, call);
            }
        }
    }

    private void WriteOutArguments(ArgumentValue[] arguments, TaintValue data, IOperation call)
    {
        foreach (var argument in arguments)
        {
            if (argument.RefKind is not (RefKind.Out or RefKind.Ref) || argument.Argument is null)
            {
                continue;
            }

            if (!DataShape.CarriesData(argument.Parameter?.Type))
            {
                if (argument.IsOut) StorePlace(PlaceOf(Unwrap(argument.Argument.Value)), TaintValue.Clean, null, null);
                continue;
            }

            var place = PlaceOf(Unwrap(argument.Argument.Value));
            if (argument.IsOut)
            {
                StorePlace(place, data.WithStep(argument.Syntax.GetLocation()), null, null);
            }
            else if (place is { } target)
            {
                _state.JoinInto(target, data);
            }
        }
    }

    /// <summary>What a sink sends: each argument (where a report points first), then the receiver.</summary>
    private static Carrier[] SinkCarriers(IOperation call, TaintValue receiverValue, ArgumentValue[] arguments, int skip = 0)
    {
        var carriers = new List<Carrier>(arguments.Length + 1);
        for (var i = skip; i < arguments.Length; i++)
        {
            if (arguments[i].IsOut) continue;
            if (arguments[i].Elements is { } elements) carriers.AddRange(elements);
            else carriers.Add(new Carrier(arguments[i].Value, arguments[i].Syntax));
        }

        carriers.Add(new Carrier(receiverValue, call.Syntax));
        return carriers.ToArray();
    }

    private static Carrier[] Carriers(TaintValue value, SyntaxNode syntax) => new[] { new Carrier(value, syntax) };

    private static Carrier[] Carriers(TaintValue value, SyntaxNode syntax, TaintValue other, SyntaxNode otherSyntax) =>
        new[] { new Carrier(value, syntax), new Carrier(other, otherSyntax) };

    /// <summary>
    /// A sink call: one flow per label that reaches it (the first carrier with the label is where the
    /// report points), and the effects its callers must know: parameters sent, parameters whose content
    /// triggers it. At a call site, the carriers' traces already run to the callee's sink.
    /// </summary>
    private void RecordSink(IOperation call, string api, SinkKind kind, Carrier[] carriers, EndpointFact? destination,
        SinkEffect? fromCallee = null, ConditionFact? calleeTrigger = null)
    {
        var gated = _state.Gated || (fromCallee?.Gated ?? false);
        var trigger = _state.Trigger ?? calleeTrigger;
        var flows = ImmutableArray.CreateBuilder<LabelFlow>();
        foreach (var label in TaintLabels.Each)
        {
            foreach (var carrier in carriers)
            {
                if (carrier.Value.Trace(label) is { } trace)
                {
                    flows.Add(new LabelFlow(label, carrier.Syntax.GetLocation(), trace));
                    break;
                }
            }
        }

        _findings.Add(new SinkCall(call.Syntax, api, kind, gated, trigger, destination, flows.ToImmutable(), isCallSite: fromCallee is not null));

        ulong parameters = 0;
        FlowTrace? parameterTrace = null;
        foreach (var carrier in carriers)
        {
            if (carrier.Value.Parameters != 0)
            {
                parameters |= carrier.Value.Parameters;
                parameterTrace ??= fromCallee is null
                    ? carrier.Value.ParameterTrace?.WithStep(carrier.Syntax.GetLocation())
                    : carrier.Value.ParameterTrace;
            }
        }

        var parameterTrigger = trigger is { Parameters: not 0 } ? trigger : null;
        if (parameters != 0 || parameterTrigger is not null)
        {
            var sinkLocation = fromCallee?.SinkLocation ?? call.Syntax.GetLocation();
            _findings.AddEffect(new SinkEffect(parameters, parameterTrace, api, kind, sinkLocation, gated, parameterTrigger, destination));
        }
    }
}
