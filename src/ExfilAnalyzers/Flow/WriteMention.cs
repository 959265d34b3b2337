using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static ExfilAnalyzers.Flow.NamePrefixes;

namespace ExfilAnalyzers.Flow;

/// <summary>Whether a mention of a name, by its syntax alone, may write what the name denotes.</summary>
internal static class WriteMention
{
    /// <summary>
    /// Names of library calls that put their arguments into their receiver: the flow engine's default rule
    /// uses them, and the name index must see every write the engine can make.
    /// </summary>
    public static readonly string[] ReceiverMutatorPrefixes =
        { "Add", "Append", "Insert", "Write", "Push", "Enqueue", "Put", "TryAdd", "TryWrite", "Set", "Update", "Prepend" };

    /// <summary>More names that may write their receiver through a method of the user's code or a void collection method (UnionWith, CopyTo...).</summary>
    private static readonly string[] OtherMutatorPrefixes = { "Union", "Copy", "Fill", "Merge", "Store" };

    /// <summary>A call that may put something into its receiver (list.Add, builder.Append, stream.Write...).</summary>
    private static bool IsMutator(string name) => StartsWithAny(name, ReceiverMutatorPrefixes) || StartsWithAny(name, OtherMutatorPrefixes);

    public static bool Is(SyntaxNode? mention, bool fillable)
    {
        if (mention is not ExpressionSyntax expression)
        {
            return false;
        }

        // this.name, other.name: the access as a whole is what is written.
        if (expression.Parent is MemberAccessExpressionSyntax access && access.Name == expression)
        {
            expression = access;
        }

        switch (expression.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == expression:
            case PrefixUnaryExpressionSyntax:
            case PostfixUnaryExpressionSyntax:
                return true;
            case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                return true;
            case ArgumentSyntax:
                return fillable;
            case MemberAccessExpressionSyntax receiver when receiver.Expression == expression:
                // name.Add(x), and through members of it: name.Writer.TryWrite(x), name.Headers.Add(k, v).
                while (receiver.Parent is MemberAccessExpressionSyntax outer && outer.Expression == receiver)
                {
                    receiver = outer;
                }

                return fillable && receiver.Parent is InvocationExpressionSyntax && IsMutator(receiver.Name.Identifier.ValueText);
            case ElementAccessExpressionSyntax element when element.Expression == expression:
                return element.Parent is AssignmentExpressionSyntax target && target.Left == element;
            case ConditionalAccessExpressionSyntax conditional when conditional.Expression == expression:
                return fillable && conditional.WhenNotNull is InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding }
                    && IsMutator(binding.Name.Identifier.ValueText);
            default:
                return false;
        }
    }
}
