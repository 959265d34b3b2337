using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A function a field's value may call, named so that the next compilation can find it again without
/// holding anything of this one: a method by its documentation id, a lambda by its syntax and the body
/// of the method it is written in (the trees are shared with the next compilation while unchanged).
/// </summary>
internal sealed class CarriedFunction
{
    private readonly string? _methodId;
    private readonly bool _inSource;
    private readonly SyntaxNode? _lambda;
    private readonly SyntaxNode? _body;

    private CarriedFunction(string? methodId, bool inSource, SyntaxNode? lambda, SyntaxNode? body)
    {
        _methodId = methodId;
        _inSource = inSource;
        _lambda = lambda;
        _body = body;
    }

    /// <summary>The tree of a lambda, whose edit moves it; null for a method.</summary>
    public SyntaxTree? Tree => _lambda?.SyntaxTree;

    /// <summary>The function as kept; null for one the next compilation could not find again (a local function, a lambda inside a lambda or an initializer).</summary>
    public static CarriedFunction? Of(FunctionRef function)
    {
        if (function.Method is { } method)
        {
            return method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction || method.IsImplicitlyDeclared
                || DocumentationCommentId.CreateDeclarationId(method) is not { Length: > 0 } id
                ? null
                : new CarriedFunction(id, !method.DeclaringSyntaxReferences.IsEmpty, null, null);
        }

        return function.Lambda is { } lambda && function.Graph is { Parent: null, OriginalOperation: IMethodBodyOperation or IConstructorBodyOperation } graph
            ? new CarriedFunction(null, false, lambda.Syntax, graph.OriginalOperation.Syntax)
            : null;
    }

    /// <summary>The same function in the compilation, or null when it cannot be found there.</summary>
    public FunctionRef? In(FlowContext context, CancellationToken cancellationToken)
    {
        if (_methodId is not null)
        {
            // An id names one declaration, but a referenced assembly may declare the same: it must be where it was.
            return DocumentationCommentId.GetFirstSymbolForDeclarationId(_methodId, context.Compilation) is IMethodSymbol found
                && found.DeclaringSyntaxReferences.IsEmpty != _inSource
                ? FunctionRef.For(found)
                : null;
        }

        if (_body is null || _lambda is null)
        {
            return null;
        }

        var (body, lambda) = context.Compilation.ContainsSyntaxTree(_body.SyntaxTree) ? (_body, _lambda) : InEditedFile(context.Compilation, cancellationToken);
        if (body is null || lambda is null)
        {
            return null;
        }

#pragma warning disable RS1030 // The analyzer driver serves a cached model for trees of the compilation being analysed.
        var model = context.Compilation.GetSemanticModel(body.SyntaxTree);
#pragma warning restore RS1030
        var method = body switch
        {
            BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => model.GetDeclaredSymbol(body, cancellationToken) as IMethodSymbol,
            _ => null,
        };
        if (method is null || context.Summaries.Prepared(method, cancellationToken).Graph is not { } graph
            || !ReferenceEquals(graph.OriginalOperation.Syntax, body))
        {
            return null;
        }

        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                if (Find(operation, lambda) is { } found) return FunctionRef.For(found, graph);
            }

            if (block.BranchValue is { } branch && Find(branch, lambda) is { } inBranch) return FunctionRef.For(inBranch, graph);
        }

        return null;
    }

    /// <summary>
    /// The body and the lambda in the compilation when the file that held them was edited since (the carry
    /// keeps the declarations, so the member is at the same place): the lambda the same number of lambdas
    /// into the same body, written the same way. What the new summaries of an edited member are compared
    /// against holds its lambdas so (<see cref="EarlyCutoff"/>); nothing else carried holds a location in an
    /// edited file.
    /// </summary>
    private (SyntaxNode? Body, SyntaxNode? Lambda) InEditedFile(Compilation compilation, CancellationToken cancellationToken)
    {
        var old = _body!;
        if (BodyKey.Of(old, cancellationToken).MemberIn(compilation, cancellationToken) is not { } member
            || Corresponding(member, old) is not { } body)
        {
            return default;
        }

        var lambdas = Lambdas(old);
        var index = lambdas.IndexOf(_lambda!);
        var now = Lambdas(body);
        return index >= 0 && index < now.Count && now[index].IsEquivalentTo(_lambda!, topLevel: false) ? (body, now[index]) : default;
    }

    /// <summary>The body in the new member that stands where the old one stood in its member: the member itself, or its accessor of the same kind.</summary>
    private static SyntaxNode? Corresponding(SyntaxNode member, SyntaxNode oldBody) => oldBody switch
    {
        AccessorDeclarationSyntax accessor => member.DescendantNodes().OfType<AccessorDeclarationSyntax>().FirstOrDefault(a => a.IsKind(accessor.Kind())),
        _ => member.RawKind == oldBody.RawKind ? member : null,
    };

    private static List<SyntaxNode> Lambdas(SyntaxNode body) => body.DescendantNodes().Where(n => n is AnonymousFunctionExpressionSyntax).ToList();

    private static IFlowAnonymousFunctionOperation? Find(IOperation root, SyntaxNode lambda)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IFlowAnonymousFunctionOperation found && ReferenceEquals(found.Syntax, lambda)) return found;
        }

        return null;
    }
}
