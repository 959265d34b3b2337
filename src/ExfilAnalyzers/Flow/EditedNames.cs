using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The names whose mentions an edit inside one member's statements may have changed, found by comparing
/// the member's tokens before and after: the member index answers a question about a name from the code
/// that mentions it, so only those names' answers can differ. The tokens both versions share at their
/// start and end are the same code in the same scopes (checked); what binds differently is in the
/// statements that hold the changed tokens, or declared there (a local whose type or existence changed)
/// and used elsewhere, or inside a lambda whose parameter or return types the change can move. Null when
/// no narrower set than every name the member mentions can be told.
/// </summary>
internal static class EditedNames
{
    public static HashSet<string>? Of(SyntaxNode before, SyntaxNode after)
    {
        if (before is GlobalStatementSyntax || after is GlobalStatementSyntax)
        {
            // Top-level statements share one scope across members.
            return null;
        }

        var old = new List<SyntaxToken>(before.DescendantTokens());
        var now = new List<SyntaxToken>(after.DescendantTokens());
        var prefix = 0;
        while (prefix < old.Count && prefix < now.Count && Same(old[prefix], now[prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < old.Count - prefix && suffix < now.Count - prefix && Same(old[old.Count - 1 - suffix], now[now.Count - 1 - suffix]))
        {
            suffix++;
        }

        for (var i = 0; i < prefix; i++)
        {
            if (!SameScopes(old[i], now[i], before, after)) return null;
        }

        for (var i = 1; i <= suffix; i++)
        {
            if (!SameScopes(old[old.Count - i], now[now.Count - i], before, after)) return null;
        }

        // The statements beside the change are looked at too (an edit can join or split statements), unless
        // they read the same on both sides.
        var sameBefore = prefix > 0 && SameStatement(old[prefix - 1], now[prefix - 1], before, after);
        var sameAfter = suffix > 0 && SameStatement(old[old.Count - suffix], now[now.Count - suffix], before, after);
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var declared = new HashSet<string>(System.StringComparer.Ordinal);
        var affectedOld = Affected(old, sameBefore ? prefix : prefix - 1, sameAfter ? old.Count - suffix - 1 : old.Count - suffix, before, names, declared);
        var affectedNew = Affected(now, sameBefore ? prefix : prefix - 1, sameAfter ? now.Count - suffix - 1 : now.Count - suffix, after, names, declared);
        if (affectedOld is null || affectedNew is null
            || DeclaredNameUsedElsewhere(old, affectedOld, declared) || DeclaredNameUsedElsewhere(now, affectedNew, declared))
        {
            return null;
        }

        names.UnionWith(declared);
        return names;
    }

    private static bool Same(SyntaxToken a, SyntaxToken b) => a.RawKind == b.RawKind && a.Text == b.Text;

    private static bool SameStatement(SyntaxToken a, SyntaxToken b, SyntaxNode memberA, SyntaxNode memberB) =>
        StatementOf(a, memberA) is { } x && StatementOf(b, memberB) is { } y && x.ToString() == y.ToString();

    /// <summary>
    /// The tokens whose binding the change may move: those of the statements that hold a token from
    /// <paramref name="first"/> to <paramref name="last"/> (a whole statement when it holds a lambda), with
    /// their names and declared names added; null when such a token is in no statement of the member (a
    /// declaration, an initializer, an expression body).
    /// </summary>
    private static HashSet<int>? Affected(List<SyntaxToken> tokens, int first, int last, SyntaxNode member, HashSet<string> names, HashSet<string> declared)
    {
        var affected = new HashSet<int>();
        var statements = new HashSet<StatementSyntax>();
        for (var i = System.Math.Max(0, first); i <= last && i < tokens.Count; i++)
        {
            if (StatementOf(tokens[i], member) is not { } statement)
            {
                return null;
            }

            statements.Add(statement);
        }

        var position = new Dictionary<SyntaxToken, int>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            position[tokens[i]] = i;
        }

        foreach (var statement in statements)
        {
            var whole = HoldsLambda(statement);
            foreach (var token in statement.DescendantTokens())
            {
                if (!whole && InnermostStatement(token, member) != statement) continue;
                if (position.TryGetValue(token, out var index)) affected.Add(index);
                if (!token.IsKind(SyntaxKind.IdentifierToken)) continue;
                (token.Parent is SimpleNameSyntax ? names : declared).Add(token.ValueText);
            }
        }

        return affected;
    }

    /// <summary>
    /// The statement whose code a token is, for this purpose: its innermost statement, or, inside a
    /// lambda, the statement that holds the outermost lambda (a lambda's types come from around it and
    /// flow out of it). Null outside any statement.
    /// </summary>
    private static StatementSyntax? StatementOf(SyntaxToken token, SyntaxNode member)
    {
        StatementSyntax? innermost = null;
        SyntaxNode? outermostLambda = null;
        for (var node = token.Parent; node is not null && node != member; node = node.Parent)
        {
            if (node is AnonymousFunctionExpressionSyntax) outermostLambda = node;
            if (node is StatementSyntax statement) innermost ??= statement;
        }

        if (outermostLambda is null)
        {
            return innermost;
        }

        for (var node = outermostLambda.Parent; node is not null && node != member; node = node.Parent)
        {
            if (node is StatementSyntax statement) return statement;
        }

        return null;
    }

    private static StatementSyntax? InnermostStatement(SyntaxToken token, SyntaxNode member)
    {
        for (var node = token.Parent; node is not null && node != member; node = node.Parent)
        {
            if (node is StatementSyntax statement) return statement;
        }

        return null;
    }

    /// <summary>True when the statement's own code (not that of the statements inside it) holds a lambda.</summary>
    private static bool HoldsLambda(StatementSyntax statement)
    {
        foreach (var node in statement.DescendantNodes(n => n == statement || n is not StatementSyntax))
        {
            if (node is AnonymousFunctionExpressionSyntax) return true;
        }

        return false;
    }

    /// <summary>True when a name declared in the changed statements is also written elsewhere in the member: what it denotes there may have moved.</summary>
    private static bool DeclaredNameUsedElsewhere(List<SyntaxToken> tokens, HashSet<int> affected, HashSet<string> declared)
    {
        if (declared.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!affected.Contains(i) && tokens[i].IsKind(SyntaxKind.IdentifierToken) && declared.Contains(tokens[i].ValueText)) return true;
        }

        return false;
    }

    /// <summary>True when the two tokens sit in the same nesting of scopes (statements, lambdas, queries, switch sections and arms, catch clauses).</summary>
    private static bool SameScopes(SyntaxToken a, SyntaxToken b, SyntaxNode memberA, SyntaxNode memberB)
    {
        var x = ScopeOf(a.Parent, memberA);
        var y = ScopeOf(b.Parent, memberB);
        while (x is not null && y is not null)
        {
            if (x.RawKind != y.RawKind) return false;
            x = ScopeOf(x.Parent, memberA);
            y = ScopeOf(y.Parent, memberB);
        }

        return x is null && y is null;
    }

    private static SyntaxNode? ScopeOf(SyntaxNode? node, SyntaxNode member)
    {
        for (; node is not null && node != member; node = node.Parent)
        {
            if (node is StatementSyntax or AnonymousFunctionExpressionSyntax or QueryExpressionSyntax or QueryBodySyntax or SwitchSectionSyntax
                or SwitchExpressionArmSyntax or CatchClauseSyntax)
            {
                return node;
            }
        }

        return null;
    }
}
