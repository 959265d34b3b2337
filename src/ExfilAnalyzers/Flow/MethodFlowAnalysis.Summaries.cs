using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>A call into a method of this compilation: its summary instantiated with the call's arguments.</summary>
internal sealed partial class MethodFlowAnalysis
{
    private TaintValue ApplySummaryResult(MethodSummary summary, IOperation call, IOperation? receiver, TaintValue receiverValue, ArgumentValue[] arguments) =>
        ApplySummary(summary, call, receiver, receiverValue, arguments);

    private TaintValue ApplySummary(MethodSummary summary, IMethodSymbol method, IOperation call, IOperation? receiver,
        TaintValue receiverValue, ArgumentValue[] arguments) =>
        ApplySummary(summary, call, receiver, receiverValue, arguments);

    private TaintValue ApplySummary(MethodSummary summary, IOperation call, IOperation? receiver, TaintValue receiverValue, ArgumentValue[] arguments)
    {
        var location = call.Syntax.GetLocation();

        foreach (var effect in summary.SinkEffects)
        {
            var carriers = new System.Collections.Generic.List<Carrier>();
            for (var bit = 0; bit < 64; bit++)
            {
                if ((effect.Parameters & (1UL << bit)) != 0 && Argument(bit, receiverValue, arguments, call) is { } argument)
                {
                    carriers.Add(new Carrier(Continue(argument.Value.Carried(), effect.ParameterTrace), argument.Syntax));
                }
            }

            var calleeTrigger = InstantiateTrigger(effect.Trigger, receiverValue, arguments, call);
            if (HasData(carriers) || calleeTrigger is not null)
            {
                RecordSink(call, effect.Api, effect.Kind, carriers.ToArray(), effect.Destination, effect, calleeTrigger);
            }
        }

        if (_state.Trigger is not null)
        {
            // The caller tests content before calling: every ungated sink inside runs only when it holds.
            foreach (var sink in summary.UngatedSinks)
            {
                RecordSink(call, sink.Api, sink.Kind, System.Array.Empty<Carrier>(), sink.Destination, sink, null);
            }
        }

        foreach (var output in summary.OutParameters)
        {
            if (output.Key < arguments.Length && arguments[output.Key].Argument is { } argument)
            {
                StorePlace(PlaceOf(Unwrap(argument.Value)), Instantiate(output.Value, receiverValue, arguments, call), null, null);
            }
        }

        foreach (var put in summary.ParameterContents)
        {
            var target = put.Key == 63 ? receiver : put.Key < arguments.Length ? arguments[put.Key].Argument?.Value : null;
            if (target is not null)
            {
                var targetValue = put.Key == 63 ? receiverValue : arguments[put.Key].Value;
                Mutate(PlaceOf(target), targetValue, Instantiate(put.Value, receiverValue, arguments, call), call);
            }
        }

        foreach (var invoked in summary.Invocations)
        {
            InvokeCallback(invoked, call, receiverValue, arguments);
        }

        if (summary.Thrown.IsTainted)
        {
            Throw(Instantiate(summary.Thrown, receiverValue, arguments, call).WithStep(location));
        }

        if (summary.ReturnsOnlyWhenGated)
        {
            _state.Gated = true;
        }

        // A handle a method of this compilation returns carries nothing either (Solution.GetProject in
        // Roslyn's own code): what it gives access to is read through its source members.
        var returned = Instantiate(summary.ReturnValue, receiverValue, arguments, call);
        if (_context.Catalog.Handles.IsHandle(call.Type))
        {
            return returned.Condition is { Kind: ConditionKind.Gate } ? TaintValue.FromCondition(returned.Condition) : TaintValue.Clean;
        }

        return returned.WithStep(location);
    }

    /// <summary>
    /// The callee invokes a delegate the caller passed: the caller's functions run at this call, with the
    /// callee's arguments in terms of the caller's.
    /// </summary>
    private void InvokeCallback(DelegateInvocation invoked, IOperation call, TaintValue receiverValue, ArgumentValue[] arguments)
    {
        var functions = System.Collections.Immutable.ImmutableArray<FunctionRef>.Empty;
        for (var bit = 0; bit < 63; bit++)
        {
            if ((invoked.Delegate & (1UL << bit)) != 0 && Argument(bit, receiverValue, arguments, call) is { } argument)
            {
                functions = functions.AddRange(argument.Value.Functions);
            }
        }

        if (functions.IsEmpty || call is not IInvocationOperation invocation)
        {
            return;
        }

        var callbackArguments = new ArgumentValue[invoked.Arguments.Length];
        for (var i = 0; i < callbackArguments.Length; i++)
        {
            var value = Instantiate(invoked.Arguments[i], receiverValue, arguments, call);
            callbackArguments[i] = new ArgumentValue(null, value, ArgumentSyntaxFor(value, arguments, call)) { Ordinal = i };
        }

        InvokeDelegate(invocation, null, TaintValue.Clean.WithFunctions(functions), callbackArguments);
    }

    /// <summary>Where a report about data passed through a callback points: the caller's argument that carries it.</summary>
    private static SyntaxNode ArgumentSyntaxFor(TaintValue value, ArgumentValue[] arguments, IOperation call)
    {
        foreach (var argument in arguments)
        {
            if (argument.Value is { IsTainted: true } candidate && (candidate.Labels & value.Labels) != 0)
            {
                return argument.Syntax;
            }
        }

        return call.Syntax;
    }

    private static bool HasData(System.Collections.Generic.List<Carrier> carriers)
    {
        foreach (var carrier in carriers)
        {
            if (carrier.Value.IsTainted) return true;
        }

        return false;
    }

    /// <summary>The argument that stands for a parameter bit (63: the receiver).</summary>
    private static ArgumentValue? Argument(int bit, TaintValue receiverValue, ArgumentValue[] arguments, IOperation call)
    {
        if (bit == 63)
        {
            return new ArgumentValue(null, receiverValue, call.Syntax);
        }

        foreach (var argument in arguments)
        {
            if ((argument.Parameter?.Ordinal ?? argument.Ordinal) == bit && argument.Value is not null)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>A caller's data continued through the callee's steps.</summary>
    private static TaintValue Continue(TaintValue value, FlowTrace? calleeTrace)
    {
        if (calleeTrace is null || !value.IsTainted)
        {
            return value;
        }

        var result = TaintValue.Clean.WithHandles(value.Handles);
        foreach (var label in TaintLabels.Each)
        {
            if (value.Trace(label) is { } trace)
            {
                result = result.WithLabel(label, trace.Continue(calleeTrace));
            }
        }

        if (value.Parameters != 0)
        {
            result = result.Join(TaintValue.FromParameterBits(value.Parameters, value.ParameterTrace!.Continue(calleeTrace)));
        }

        return result;
    }

    /// <summary>A callee's value in the caller: its own sources as they are, its parameter bits replaced by the arguments.</summary>
    private TaintValue Instantiate(TaintValue calleeValue, TaintValue receiverValue, ArgumentValue[] arguments, IOperation call)
    {
        // Nothing of the callee's parameters, and nothing but what is kept as it is: the value itself
        // (most summaries return clean or their own sources; this is asked at every call).
        if (calleeValue.Parameters == 0 && calleeValue.ParameterTrace is null
            && calleeValue.Condition is null or { Kind: ConditionKind.Gate }
            && calleeValue.WritesInto is null && calleeValue.WriteObfuscation == Obfuscation.None && calleeValue.Functions.IsEmpty)
        {
            return calleeValue;
        }

        var result = calleeValue.OnlyLabels(calleeValue.Labels).WithHandles(calleeValue.Handles).WithEndpoint(calleeValue.Endpoint);
        for (var bit = 0; bit < 64 && calleeValue.Parameters >> bit != 0; bit++)
        {
            if ((calleeValue.Parameters & (1UL << bit)) != 0 && Argument(bit, receiverValue, arguments, call) is { } argument)
            {
                result = result.Join(Continue(argument.Value.Carried(), calleeValue.ParameterTrace));
            }
        }

        if (calleeValue.Condition is { } condition)
        {
            var instantiated = condition.Kind == ConditionKind.Gate ? condition : Instantiate(condition, receiverValue, arguments, call);
            if (instantiated is not null)
            {
                result = result.WithCondition(instantiated);
            }
        }

        return result;
    }

    /// <summary>
    /// A content test that triggers a callee's sink, as the call site sees it: only what this call gives
    /// the callee. A test of the callee's own source is the callee's finding, reported there once.
    /// </summary>
    private ConditionFact? InstantiateTrigger(ConditionFact? trigger, TaintValue receiverValue, ArgumentValue[] arguments, IOperation call)
    {
        if (trigger is null || trigger.Parameters == 0)
        {
            return null;
        }

        var tested = TestedArguments(trigger, receiverValue, arguments, call);
        if (!tested.IsTainted)
        {
            return null;
        }

        var trace = tested.SourceText ?? tested.SymbolName ?? tested.RepositoryMetadata ?? tested.ParameterTrace;
        return new ConditionFact(trigger.Kind, tested.Labels, tested.Parameters, trace, trigger.Location, trigger.ConsentWhenTrue);
    }

    private TaintValue TestedArguments(ConditionFact condition, TaintValue receiverValue, ArgumentValue[] arguments, IOperation call)
    {
        var tested = TaintValue.Clean;
        for (var bit = 0; bit < 64 && condition.Parameters >> bit != 0; bit++)
        {
            if ((condition.Parameters & (1UL << bit)) != 0 && Argument(bit, receiverValue, arguments, call) is { } argument)
            {
                tested = tested.Join(argument.Value.DataOnly());
            }
        }

        return tested;
    }

    /// <summary>A callee's content test in the caller: a test of the callee's own source, or of the arguments it was given.</summary>
    private ConditionFact? Instantiate(ConditionFact? condition, TaintValue receiverValue, ArgumentValue[] arguments, IOperation call)
    {
        if (condition is null)
        {
            return null;
        }

        var tested = TestedArguments(condition, receiverValue, arguments, call);
        if (!tested.IsTainted)
        {
            return condition.Labels != TaintLabel.None && condition.Kind != ConditionKind.Gate ? condition : null;
        }

        // The message names a source API: the callee's own source when the arguments bring none.
        var labelled = tested.SourceText ?? tested.SymbolName ?? tested.RepositoryMetadata;
        var trace = labelled ?? (condition.Labels != TaintLabel.None ? condition.TestedTrace : null) ?? tested.ParameterTrace;
        return new ConditionFact(condition.Kind, tested.Labels | condition.Labels, tested.Parameters, trace, condition.Location, condition.ConsentWhenTrue);
    }
}
