using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// What one bound body can lead to, read off its operations (its lambdas and local functions
/// included): whether it calls a sink itself, and the members the engine may consult when it analyses
/// the body. Those are the callees it would summarise (every target of a virtual call, the accessors of a
/// property) and the state it may read, whose value comes from that state's writers
/// (<see cref="SendingReach"/>). The engine analyses the control-flow graph, where the compiler adds
/// calls of its own: a foreach's enumerator and a using's Dispose are added here as the graph makes them.
/// No graph is built: most members scanned are never analysed.
/// </summary>
internal sealed class SendingScan
{
    public static readonly SendingScan Nothing = new(false, ImmutableArray<ISymbol>.Empty);

    private SendingScan(bool callsSink, ImmutableArray<ISymbol> next)
    {
        CallsSink = callsSink;
        Next = next;
    }

    /// <summary>A call the engine records as a sink call, or one that makes a later call one (a network stream, a process).</summary>
    public bool CallsSink { get; }

    /// <summary>Methods with a body in this compilation, and fields, properties and events whose value the body may read.</summary>
    public ImmutableArray<ISymbol> Next { get; }

    public static SendingScan Of(IOperation body, FlowContext context, CancellationToken cancellationToken)
    {
        var walk = new Walk(context, cancellationToken);
        return walk.Sends(body) ? new SendingScan(true, ImmutableArray<ISymbol>.Empty) : new SendingScan(false, walk.Next.ToImmutableArray());
    }

    /// <summary>A member that does not send itself but leads to these.</summary>
    public static SendingScan LeadingTo(List<ISymbol> next) => next.Count == 0 ? Nothing : new SendingScan(false, next.ToImmutableArray());

    private sealed class Walk
    {
        private readonly FlowContext _context;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<ISymbol> _seen = new(SymbolEqualityComparer.Default);
        private readonly Models.Handle _handedOut;

        public Walk(FlowContext context, CancellationToken cancellationToken)
        {
            _context = context;
            _cancellationToken = cancellationToken;
            _handedOut = context.Relevance(cancellationToken).HandlesHandedOut;
        }

        public List<ISymbol> Next { get; } = new();

        /// <summary>True as soon as a sink call is found: nothing else is needed then.</summary>
        public bool Sends(IOperation body)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            foreach (var operation in body.DescendantsAndSelf())
            {
                var sends = operation switch
                {
                    IInvocationOperation invocation => Invocation(invocation),
                    IObjectCreationOperation { Constructor: { } constructor } => Call(constructor, null, isVirtual: false),
                    IPropertyReferenceOperation property => Property(property),
                    IEventReferenceOperation @event => Member(@event.Event, @event.Instance?.Type, @event.Event.AddMethod, @event.Event.RemoveMethod),
                    IFieldReferenceOperation field => Member(field.Field, field.Instance?.Type, null, null),
                    IMethodReferenceOperation method => Call(method.Method, method.Instance?.Type, method.IsVirtual),
                    IBinaryOperation { OperatorMethod: { } method } => Call(method, null, isVirtual: false),
                    IUnaryOperation { OperatorMethod: { } method } => Call(method, null, isVirtual: false),
                    IConversionOperation { OperatorMethod: { } method } => Call(method, null, isVirtual: false),
                    ICompoundAssignmentOperation { OperatorMethod: { } method } => Call(method, null, isVirtual: false),
                    IIncrementOrDecrementOperation { OperatorMethod: { } method } => Call(method, null, isVirtual: false),
                    IForEachLoopOperation loop => Enumerates(loop),
                    IUsingOperation { IsAsynchronous: var isAsync } => Disposes(isAsync),
                    IUsingDeclarationOperation { IsAsynchronous: var isAsync } => Disposes(isAsync),
                    _ => false,
                };
                if (sends) return true;
            }

            return false;
        }

        /// <summary>The graph calls the enumerator's members, through their interfaces when the collection is typed by one.</summary>
        private bool Enumerates(IForEachLoopOperation loop)
        {
            if (loop.Syntax is not CommonForEachStatementSyntax syntax || !_context.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                return false;
            }

#pragma warning disable RS1030 // The analyzer driver serves a cached model for trees of the compilation being analysed.
            var info = _context.Compilation.GetSemanticModel(syntax.SyntaxTree).GetForEachStatementInfo(syntax);
#pragma warning restore RS1030
            foreach (var method in new[] { info.GetEnumeratorMethod, info.MoveNextMethod, info.CurrentProperty?.GetMethod, info.DisposeMethod })
            {
                if (method is not null && Call(method, null, isVirtual: true)) return true;
            }

            return false;
        }

        /// <summary>The graph calls Dispose through IDisposable (DisposeAsync through IAsyncDisposable).</summary>
        private bool Disposes(bool isAsync)
        {
            var type = isAsync ? _context.Types.IAsyncDisposable : _context.Types.IDisposable;
            foreach (var member in type?.GetMembers(isAsync ? "DisposeAsync" : "Dispose") ?? ImmutableArray<ISymbol>.Empty)
            {
                if (member is IMethodSymbol method && Call(method, null, isVirtual: true)) return true;
            }

            return false;
        }

        private bool Invocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.MethodKind is MethodKind.LocalFunction or MethodKind.DelegateInvoke)
            {
                // A local function's graph is walked with its owner's; a delegate's functions come from
                // this body's lambdas, a callee's result or a field, each followed on its own.
                return false;
            }

            var receiverType = invocation.Instance?.Type
                ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Type : null);
            return Call(method, receiverType, invocation.IsVirtual);
        }

        private bool Call(IMethodSymbol method, ITypeSymbol? receiverType, bool isVirtual)
        {
            if (_context.Catalog.Find(method, receiverType)?.MaySendWhere(_handedOut) == true)
            {
                return true;
            }

            method = method.OriginalDefinition;
            if (isVirtual && DispatchTargets.IsDispatched(method))
            {
                foreach (var target in _context.Dispatch.Of(method, _cancellationToken)) Add(target);
            }
            else if (MethodBodies.HasSourceBody(method))
            {
                Add(method);
            }

            return false;
        }

        private bool Property(IPropertyReferenceOperation reference)
        {
            var property = reference.Property;
            return Member(property, reference.Instance?.Type, property.GetMethod, property.SetMethod);
        }

        /// <summary>State: a sink's model, its accessors' bodies, and what it may hold.</summary>
        private bool Member(ISymbol member, ITypeSymbol? receiverType, IMethodSymbol? first, IMethodSymbol? second)
        {
            if (_context.Catalog.Find(member, receiverType)?.MaySendWhere(_handedOut) == true)
            {
                return true;
            }

            if (first is not null && MethodBodies.HasSourceBody(first.OriginalDefinition)) Add(first.OriginalDefinition);
            if (second is not null && MethodBodies.HasSourceBody(second.OriginalDefinition)) Add(second.OriginalDefinition);
            if (!member.DeclaringSyntaxReferences.IsEmpty && _context.Sending.Follows(StateCarriers.Of(member), _cancellationToken))
            {
                Add(member.OriginalDefinition);
            }

            return false;
        }

        private void Add(ISymbol member)
        {
            if (_seen.Add(member)) Next.Add(member);
        }
    }
}
