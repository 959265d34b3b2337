using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The cheap look at a method body that decides whether its control-flow graph is worth building: a
/// walk of its operations that only asks whether any member they use is modelled, or is a method or
/// field of this compilation (which may carry sensitive data in). Linear in the body's size.
/// </summary>
internal sealed class MethodScan
{
    public static readonly MethodScan Nothing = new(false, false, false);

    private static readonly MethodScan OnlyGiven = new(false, false, true);

    private MethodScan(bool usesModels, bool usesSourceMembers, bool readsGiven)
    {
        UsesModels = usesModels;
        UsesSourceMembers = usesSourceMembers;
        ReadsGiven = readsGiven;
    }

    /// <summary>The body uses a member that some model names: a source, sink, sanitizer, gate...</summary>
    public bool UsesModels { get; }

    /// <summary>The body calls methods, or reads fields or properties, declared in this compilation.</summary>
    public bool UsesSourceMembers { get; }

    /// <summary>The body reads a parameter or <c>this</c>: what it does with what it is given is in its code.</summary>
    public bool ReadsGiven { get; }

    /// <summary>True when analysing the body alone can find something: a source, a sink, a call into the compilation.</summary>
    public bool MayMatter => UsesModels || UsesSourceMembers;

    /// <summary>
    /// True when the method's summary needs its body analysed: it may matter, or it does something with what
    /// it is given that only its code says (a helper that returns a constant, or adds its text to a list).
    /// Otherwise its summary is that it does nothing.
    /// </summary>
    public bool NeedsAnalysis => MayMatter || ReadsGiven;

    public static MethodScan Of(IOperation body, Models.ModelCatalog catalog)
    {
        var usesModels = false;
        var usesSource = false;
        var readsGiven = false;
        foreach (var operation in body.DescendantsAndSelf())
        {
            readsGiven |= operation is IParameterReferenceOperation or IInstanceReferenceOperation;
            var member = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IObjectCreationOperation creation => (ISymbol?)creation.Constructor,
                IPropertyReferenceOperation property => property.Property,
                IFieldReferenceOperation field => field.Field,
                IMemberReferenceOperation reference => reference.Member,
                _ => null,
            };
            if (member is null)
            {
                continue;
            }

            if (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
            {
                continue;
            }

            usesModels |= catalog.IsModelledName(member.Name);
            // A delegate may call anything: a callback given by the caller, a lambda stored elsewhere.
            usesSource |= !member.DeclaringSyntaxReferences.IsEmpty || member is IMethodSymbol { MethodKind: MethodKind.DelegateInvoke };
            if (usesModels && usesSource)
            {
                break;
            }
        }

        return usesModels || usesSource ? new MethodScan(usesModels, usesSource, readsGiven) : readsGiven ? OnlyGiven : Nothing;
    }
}
