using System;
using System.Collections.Immutable;
using ExfilAnalyzers.CodeFixes.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.CodeFixes.Redaction;

/// <summary>
/// The entry that carries a value as a whole, which "Remove the value" takes out instead of leaving a
/// placeholder: a dictionary or object initializer entry whose value or key it is (<c>["k"] = v</c>,
/// <c>[v] = 1</c>, <c>{ "k", v }</c>, <c>P = v</c>),
/// a tag or key-value pair in a collection, an anonymous-object member, or a statement that only stores the
/// value (<c>dict["k"] = v;</c>, <c>headers.Add("k", v);</c>, <c>activity?.SetTag("k", v);</c>).
/// </summary>
internal static class CarryingEntry
{
    /// <summary>Calls that add one named entry to a collection, a tag set or a scope.</summary>
    private static readonly ImmutableHashSet<string> EntryMethods = ImmutableHashSet.Create(StringComparer.Ordinal,
        "Add", "TryAdd", "SetTag", "AddTag", "SetBaggage", "AddBaggage", "SetExtra", "SetCustomProperty", "AddProperty", "SetProperty");

    /// <summary>The list that holds the entry and the entry's index in it, or null when the value has no entry of its own.</summary>
    public static (SyntaxNode List, int Index)? Find(ExpressionSyntax value, SemanticModel model, FrameworkTypes types)
    {
        var whole = value;
        while (whole.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            whole = parenthesized;
        }

        switch (whole.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Right == whole && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                if (assignment.Parent is InitializerExpressionSyntax initializer)
                {
                    return (initializer, initializer.Expressions.IndexOf(assignment));
                }

                return assignment.Left is ElementAccessExpressionSyntax or MemberAccessExpressionSyntax && IsStoreIntoObject(assignment.Left, model)
                    ? StatementEntry(assignment)
                    : null;
            case InitializerExpressionSyntax complex when complex.IsKind(SyntaxKind.ComplexElementInitializerExpression)
                    && complex.Parent is InitializerExpressionSyntax collection:
                return (collection, collection.Expressions.IndexOf(complex));
            case ArgumentSyntax { Parent: BracketedArgumentListSyntax { Parent: ImplicitElementAccessSyntax { Parent: AssignmentExpressionSyntax keyed } } }
                    when keyed.Parent is InitializerExpressionSyntax entries:
                // The key carries the data: [name] = value goes as a whole, or two placeholders would collide.
                return (entries, entries.Expressions.IndexOf(keyed));
            case ArgumentSyntax { Parent: BracketedArgumentListSyntax { Parent: ElementAccessExpressionSyntax { Parent: AssignmentExpressionSyntax keyed } access } }
                    when keyed.Left == access:
                return StatementEntry(keyed);
            case ArgumentSyntax { Parent: ArgumentListSyntax arguments } argument when arguments.Arguments.Count >= 2 && arguments.Arguments.IndexOf(argument) > 0:
                return arguments.Parent switch
                {
                    BaseObjectCreationExpressionSyntax pair when IsKeyValuePair(pair, model, types) => ElementOfCollection(pair),
                    InvocationExpressionSyntax call when EntryMethods.Contains(MethodName(call)) => StatementEntry(call),
                    _ => null,
                };
            case AnonymousObjectMemberDeclaratorSyntax { Parent: AnonymousObjectCreationExpressionSyntax anonymous } member:
                return (anonymous, anonymous.Initializers.IndexOf(member));
            default:
                return null;
        }
    }

    private static bool IsStoreIntoObject(ExpressionSyntax target, SemanticModel model) =>
        model.GetSymbolInfo(target).Symbol is IPropertySymbol or IFieldSymbol || target is ElementAccessExpressionSyntax;

    private static bool IsKeyValuePair(BaseObjectCreationExpressionSyntax creation, SemanticModel model, FrameworkTypes types) =>
        types.KeyValuePair is { } pair && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(creation).Type?.OriginalDefinition, pair);

    /// <summary>A pair inside a collection or array initializer; not the last element of an implicitly typed array, which needs one.</summary>
    private static (SyntaxNode, int)? ElementOfCollection(ExpressionSyntax element)
    {
        if (element.Parent is not InitializerExpressionSyntax initializer)
        {
            return null;
        }

        if (initializer.Parent is ImplicitArrayCreationExpressionSyntax && initializer.Expressions.Count == 1)
        {
            return null;
        }

        return (initializer, initializer.Expressions.IndexOf(element));
    }

    /// <summary>The statement that is this one call or assignment (<c>a?.SetTag(..)</c> included), when it stands in a statement list.</summary>
    private static (SyntaxNode, int)? StatementEntry(ExpressionSyntax expression)
    {
        var outer = expression;
        if (outer.Parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == outer
            && expression is InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax })
        {
            outer = access;
        }

        if (outer.Parent is not ExpressionStatementSyntax statement)
        {
            return null;
        }

        return statement.Parent switch
        {
            BlockSyntax block => (block, block.Statements.IndexOf(statement)),
            SwitchSectionSyntax section => (section, section.Statements.IndexOf(statement)),
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } global => (unit, unit.Members.IndexOf(global)),
            _ => null,
        };
    }

    private static string MethodName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => "",
    };
}
