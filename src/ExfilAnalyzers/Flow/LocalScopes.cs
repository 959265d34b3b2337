using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Where, by syntax alone, a simple name of a member's code surely denotes one of its own locals or
/// parameters: a mention there is not a mention of a field, property or method of that name, so the
/// relevance graph ignores it. Decompiled and hand-written code alike name locals after state
/// (<c>value</c>, <c>name</c>, <c>count</c>), and each such mention used to make the member seem to
/// read every field of that name in the code base.
/// <para>
/// A scope is recorded only where C# guarantees it: the parameters in the whole member or function, a
/// block's locals in the whole block (C# binds a simple name to a local throughout its block, even
/// before its declaration), a loop's, catch's or using's variable in that statement. A pattern or
/// <c>out</c> variable is given the narrowest region that surely holds it (its statement, switch
/// section, catch clause, lambda or arm), which is never wider than its real scope. Anywhere the
/// region may be too narrow, a mention is kept: it only costs relevance, never a finding.
/// </para>
/// </summary>
internal sealed class LocalScopes
{
    private readonly Dictionary<string, List<TextSpan>> _regions = new(System.StringComparer.Ordinal);

    private LocalScopes()
    {
    }

    /// <summary>The scopes of the locals and parameters a member declaration introduces.</summary>
    public static LocalScopes Of(SyntaxNode member)
    {
        var scopes = new LocalScopes();
        scopes.AddParameters(member);
        foreach (var node in member.DescendantNodes())
        {
            scopes.AddDeclaredBy(node);
        }

        return scopes;
    }

    /// <summary>
    /// True when the identifier is a simple name looked up as a value (not a member's name after a dot,
    /// a named argument, an initializer's target or a type) inside a scope of a local or parameter of its name.
    /// </summary>
    public bool DenotesLocal(SyntaxToken identifier)
    {
        if (identifier.Parent is not IdentifierNameSyntax name || !_regions.TryGetValue(identifier.ValueText, out var regions)
            || !IsValueLookup(name))
        {
            return false;
        }

        foreach (var region in regions)
        {
            if (region.Contains(identifier.SpanStart)) return true;
        }

        return false;
    }

    /// <summary>A simple name that C# looks up among locals: not qualified, not a label for something else, not in a type position.</summary>
    private static bool IsValueLookup(IdentifierNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == name,
        MemberBindingExpressionSyntax => false,
        QualifiedNameSyntax or AliasQualifiedNameSyntax => false,
        NameColonSyntax or NameEqualsSyntax or ExpressionColonSyntax => false,
        // new T { Name = ... } and with { Name = ... } name the created object's members.
        AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment => assignment.Left != name,
        AttributeSyntax or TypeConstraintSyntax => false,
        _ => !SyntaxFacts.IsInTypeOnlyContext(name),
    };

    private void AddParameters(SyntaxNode member)
    {
        switch (member)
        {
            case ConstructorDeclarationSyntax constructor:
                AddAll(constructor.ParameterList.Parameters, constructor.Initializer, constructor.Body, constructor.ExpressionBody);
                break;
            case BaseMethodDeclarationSyntax method:
                AddAll(method.ParameterList.Parameters, null, method.Body, method.ExpressionBody);
                break;
            case IndexerDeclarationSyntax indexer:
                AddAll(indexer.ParameterList.Parameters, null, indexer.AccessorList, indexer.ExpressionBody);
                break;
        }
    }

    private void AddDeclaredBy(SyntaxNode node)
    {
        switch (node)
        {
            case AccessorDeclarationSyntax accessor when accessor.Kind() is SyntaxKind.SetAccessorDeclaration or SyntaxKind.InitAccessorDeclaration
                or SyntaxKind.AddAccessorDeclaration or SyntaxKind.RemoveAccessorDeclaration:
                AddInCode("value", accessor.Body, accessor.ExpressionBody);
                break;
            case BlockSyntax block:
                AddStatementLocals(block.Statements, block.Span);
                break;
            case SwitchSectionSyntax section:
                AddStatementLocals(section.Statements, section.Span);
                break;
            case LocalFunctionStatementSyntax function:
                AddAll(function.ParameterList.Parameters, null, function.Body, function.ExpressionBody);
                break;
            case SimpleLambdaExpressionSyntax lambda:
                Add(lambda.Parameter.Identifier.ValueText, lambda.Body.Span);
                break;
            case ParenthesizedLambdaExpressionSyntax lambda:
                AddAll(lambda.ParameterList.Parameters, null, lambda.Body, null);
                break;
            case AnonymousMethodExpressionSyntax { ParameterList: { } list } method:
                AddAll(list.Parameters, null, method.Block, null);
                break;
            case ForEachStatementSyntax loop:
                // Not in the collection expression: foreach (var x in x.Items) reads another x there.
                Add(loop.Identifier.ValueText, loop.Statement.Span);
                break;
            case ForStatementSyntax { Declaration: { } declaration } loop:
                AddVariables(declaration, loop.Span);
                break;
            case UsingStatementSyntax { Declaration: { } declaration } @using:
                AddVariables(declaration, @using.Span);
                break;
            case FixedStatementSyntax @fixed:
                AddVariables(@fixed.Declaration, @fixed.Span);
                break;
            case CatchClauseSyntax { Declaration: { } declaration } @catch when declaration.Identifier.ValueText.Length > 0:
                Add(declaration.Identifier.ValueText, @catch.Span);
                break;
            case SingleVariableDesignationSyntax designation when NarrowestScope(designation) is { } scope:
                Add(designation.Identifier.ValueText, scope.Span);
                break;
        }
    }

    private void AddStatementLocals(SyntaxList<StatementSyntax> statements, TextSpan span)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case LocalDeclarationStatementSyntax local:
                    AddVariables(local.Declaration, span);
                    break;
                case LocalFunctionStatementSyntax function:
                    Add(function.Identifier.ValueText, span);
                    break;
            }
        }
    }

    /// <summary>
    /// The smallest enclosing region a pattern or out variable's scope surely covers, or null where the
    /// syntax is not one of those (a query clause's variables are not followed).
    /// </summary>
    private static SyntaxNode? NarrowestScope(SyntaxNode designation)
    {
        var child = designation;
        for (var node = designation.Parent; node is not null; child = node, node = node.Parent)
        {
            switch (node)
            {
                case QueryClauseSyntax or SelectOrGroupClauseSyntax or QueryContinuationSyntax or MemberDeclarationSyntax:
                    return null;
                // foreach (var (a, b) in a.Items): the variables are not in scope in the collection.
                case ForEachVariableStatementSyntax loop when child == loop.Variable:
                    return loop.Statement;
                // for (...; cond; step): a variable of the condition or a step is not in scope in the initializers.
                case ForStatementSyntax loop when child == loop.Condition || child.Parent == loop && child is ExpressionSyntax:
                    return child;
                case StatementSyntax or SwitchSectionSyntax or CatchClauseSyntax or AnonymousFunctionExpressionSyntax
                    or SwitchExpressionArmSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax
                    or ConstructorInitializerSyntax:
                    return node;
            }
        }

        return null;
    }

    private void AddVariables(VariableDeclarationSyntax declaration, TextSpan span)
    {
        foreach (var variable in declaration.Variables)
        {
            Add(variable.Identifier.ValueText, span);
        }
    }

    /// <summary>
    /// Parameters are in scope in the code of their function, not in its attributes or parameter list,
    /// where a simple name may be a constant of the type.
    /// </summary>
    private void AddAll(SeparatedSyntaxList<ParameterSyntax> parameters, SyntaxNode? initializer, SyntaxNode? body, SyntaxNode? expressionBody)
    {
        foreach (var parameter in parameters)
        {
            var name = parameter.Identifier.ValueText;
            if (initializer is not null) Add(name, initializer.Span);
            AddInCode(name, body, expressionBody);
        }
    }

    private void AddInCode(string name, SyntaxNode? body, SyntaxNode? expressionBody)
    {
        if (body is not null) Add(name, body.Span);
        if (expressionBody is not null) Add(name, expressionBody.Span);
    }

    private void Add(string name, TextSpan span)
    {
        if (name.Length == 0)
        {
            return;
        }

        if (!_regions.TryGetValue(name, out var regions))
        {
            _regions[name] = regions = new List<TextSpan>(1);
        }

        regions.Add(span);
    }
}
