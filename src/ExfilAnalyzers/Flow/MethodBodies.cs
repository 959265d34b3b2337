using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ExfilAnalyzers.Flow;

/// <summary>Finds a source method's body and builds its control-flow graph.</summary>
internal static class MethodBodies
{
    /// <summary>True when the method has a body in this compilation's source that the engine can analyse.</summary>
    public static bool HasSourceBody(IMethodSymbol method) =>
        !method.IsAbstract && !method.IsExtern && method.DeclaringSyntaxReferences.Length > 0
        && method.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.DelegateInvoke);

    /// <summary>The root operation of the method's body, or null when it has none in source.</summary>
    public static IOperation? GetBody(IMethodSymbol method, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var bodyOwner = method.MethodKind == MethodKind.Constructor && ConstructorMention.IsPrimary(syntax) ? syntax : BodyOwner(syntax);
            if (bodyOwner is null || !compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

#pragma warning disable RS1030 // The analyzer driver serves a cached model for trees of the compilation being analysed.
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
            var operation = model.GetOperation(bodyOwner, cancellationToken);
            while (operation?.Parent is not null)
            {
                operation = operation.Parent;
            }

            if (operation is not null)
            {
                return operation;
            }
        }

        return null;
    }

    /// <summary>The initializer of a field or property, or null when it has none.</summary>
    public static IOperation? GetInitializer(ISymbol member, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax(cancellationToken) switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer,
                PropertyDeclarationSyntax property => property.Initializer,
                _ => null,
            };
            if (initializer is null || !compilation.ContainsSyntaxTree(initializer.SyntaxTree))
            {
                continue;
            }

#pragma warning disable RS1030 // The analyzer driver serves a cached model for trees of the compilation being analysed.
            var model = compilation.GetSemanticModel(initializer.SyntaxTree);
#pragma warning restore RS1030
            return model.GetOperation(initializer, cancellationToken);
        }

        return null;
    }

    public static ControlFlowGraph? CreateGraph(IOperation body, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return body switch
            {
                IMethodBodyOperation method => ControlFlowGraph.Create(method, cancellationToken),
                IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
                IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
                IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            // A body Roslyn cannot build a graph for (erroneous code): nothing to analyse.
            return null;
        }
    }

    private static SyntaxNode? BodyOwner(SyntaxNode syntax) => syntax switch
    {
        BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null => method,
        AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null => accessor,
        ArrowExpressionClauseSyntax arrow => arrow,
        CompilationUnitSyntax unit => unit,
        RecordDeclarationSyntax => null,
        _ => null,
    };
}
