using System.Collections.Generic;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Receivers whose value nothing reads. A telemetry sink (not a raw channel) reports what its arguments
/// carry; the client's own state is reported where it is written. So when the receiver is a field, its
/// value is not computed: a field value asks every writer and every caller that passes the writer its
/// data, and in the IDE a client field set by a constructor would have the constructor's callers bound
/// on each keystroke, for a value no rule would look at.
/// </summary>
internal sealed partial class MethodFlowAnalysis
{
    /// <summary>For each capture of this graph: true when every use of it is the receiver of such a call.</summary>
    private Dictionary<CaptureId, bool>? _capturesOnlyIgnoredReceivers;

    /// <summary>A field of this object, or a static one: reading it has no effect, it only gives a value.</summary>
    private static bool IsPlainFieldRead(IOperation operation) =>
        operation is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation };

    /// <summary>True when the call's model never reads the receiver's value (and no lambda argument is handed its elements).</summary>
    private bool IgnoresReceiver(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (invocation.Instance is not { } receiver || method.MethodKind is MethodKind.DelegateInvoke or MethodKind.LocalFunction)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (IsFunction(argument.Value))
            {
                return false;
            }
        }

        return FindModel(method, receiver.Type) is { Behaviour: ModelBehaviour.Sink } model && !model.SinkKind.IsRawChannel();
    }

    /// <summary>True when the graph uses the capture only as the receiver of calls that ignore it (<see cref="IgnoresReceiver"/>).</summary>
    private bool CaptureOnlyIgnoredReceiver(CaptureId id)
    {
        if (_capturesOnlyIgnoredReceivers is null)
        {
            var uses = new Dictionary<CaptureId, bool>();
            foreach (var block in _cfg.Blocks)
            {
                foreach (var operation in block.Operations)
                {
                    NoteCaptureUses(operation, uses);
                }

                if (block.BranchValue is { } branch)
                {
                    NoteCaptureUses(branch, uses);
                }
            }

            _capturesOnlyIgnoredReceivers = uses;
        }

        return _capturesOnlyIgnoredReceivers.TryGetValue(id, out var ignored) && ignored;
    }

    private void NoteCaptureUses(IOperation root, Dictionary<CaptureId, bool> uses)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IFlowCaptureReferenceOperation reference)
            {
                var ignored = reference.Parent is IInvocationOperation invocation && ReferenceEquals(invocation.Instance, reference)
                    && IgnoresReceiver(invocation);
                uses[reference.Id] = ignored && (!uses.TryGetValue(reference.Id, out var earlier) || earlier);
            }
        }
    }
}
