using System.Linq;
using System.Threading;
using ExfilAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Gating;

/// <summary>
/// Finds what to wrap in a consent check so that the sink runs only with consent and everything else means
/// what it meant: the sink's statement; with the statements after it that use what it declares (to the end of
/// the block for a using declaration, which disposes there); or, when that region would jump out (a return,
/// break or goto in it) or be jumped into, the smallest enclosing statement that does not. A void lambda or
/// member with an expression body gets a block body. A sink in a value-returning expression body, a field
/// initializer or a region that returns a value offers no gate: skipping it would need a value to return.
/// </summary>
internal static class GateTargetLocator
{
    public static GateTarget? Locate(SyntaxNode primary, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var node = primary; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ArrowExpressionClauseSyntax arrow:
                    return IsVoidLike(model.GetDeclaredSymbol(arrow.Parent!, cancellationToken) as IMethodSymbol)
                        && arrow.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
                        ? new ExpressionBody(arrow.Parent, arrow.Expression)
                        : null;
                case LambdaExpressionSyntax { ExpressionBody: { } body } lambda when node != primary:
                    if (IsVoidLike(model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol))
                    {
                        return new ExpressionBody(lambda, body);
                    }

                    break;
                case StatementSyntax statement and not BlockSyntax:
                    return FromStatement(statement, model, cancellationToken);
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static GateTarget? FromStatement(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (list, index) = ListOf(statement);
            if (list is not null)
            {
                var range = StatementRegion.Extend(list, index, model, cancellationToken);
                if (range is not null && StatementRegion.CanWrap(range, model, allowExits: false))
                {
                    return range;
                }

                if (list is BlockSyntax { Parent: { } owner } block && IsFunctionBody(block, owner))
                {
                    // The whole body of a function that returns nothing: skipping all of it skips the sink.
                    var whole = new StatementRange(block, 0, block.Statements.Count - 1);
                    return IsVoidLike(FunctionOf(owner, model, cancellationToken)) && StatementRegion.CanWrap(whole, model, allowExits: true)
                        ? whole
                        : null;
                }
            }
            else if (statement.Parent is StatementSyntax or ElseClauseSyntax && StatementRegion.CanWrap(statement, model))
            {
                return new EmbeddedStatement(statement);
            }

            if (EnclosingStatement(statement) is not { } outer)
            {
                return null;
            }

            statement = outer;
        }
    }

    private static (SyntaxNode? List, int Index) ListOf(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => (block, block.Statements.IndexOf(statement)),
        SwitchSectionSyntax section => (section, section.Statements.IndexOf(statement)),
        GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } global => (unit, unit.Members.IndexOf(global)),
        _ => (null, -1),
    };

    /// <summary>The statement to try next: the one whose block, branch or section holds this one; null at a function's body.</summary>
    private static StatementSyntax? EnclosingStatement(StatementSyntax statement)
    {
        for (var node = statement.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BlockSyntax block when block.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax:
                    return block;
                case StatementSyntax outer and not BlockSyntax:
                    return outer;
                case MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or GlobalStatementSyntax:
                    return null;
            }
        }

        return null;
    }

    private static bool IsFunctionBody(BlockSyntax block, SyntaxNode owner) =>
        owner is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax;

    private static IMethodSymbol? FunctionOf(SyntaxNode owner, SemanticModel model, CancellationToken cancellationToken) =>
        owner is AnonymousFunctionExpressionSyntax lambda
            ? model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol
            : model.GetDeclaredSymbol(owner, cancellationToken) as IMethodSymbol;

    /// <summary>Returns nothing a skipped body would have to make up: void, or an async Task or ValueTask.</summary>
    private static bool IsVoidLike(IMethodSymbol? method) =>
        method is not null && (method.ReturnsVoid
            || (method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" }));
}
