using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// What one version of a file redeclares against the one before, member by member and by name
/// (<see cref="EditedCode"/>): the names whose members were added, removed, declared otherwise (bodies
/// and initializers aside) or moved to another type, and the members of every other name paired in
/// order. None when the edit changed what the file declares outside its members (a type, a using, an
/// enum: <see cref="TreeIndex.SkeletonHash"/>), reordered members it did not redeclare, or redeclared a
/// member code can call without naming it.
/// </summary>
internal sealed class Redeclarations
{
    private Redeclarations(HashSet<string> names, List<(int Old, int New)> kept)
    {
        Names = names;
        Kept = kept;
    }

    /// <summary>The names redeclared.</summary>
    public HashSet<string> Names { get; }

    /// <summary>The members of the names not redeclared, by their ordinals before and after.</summary>
    public List<(int Old, int New)> Kept { get; }

    /// <summary>What the later version of a file redeclares against the earlier one.</summary>
    public static Redeclarations? Of(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken) =>
        Of(TreeIndex.For(before, cancellationToken), TreeIndex.For(after, cancellationToken),
            new List<SyntaxNode>(TreeIndex.MemberNodes(before.GetRoot(cancellationToken))), new List<SyntaxNode>(TreeIndex.MemberNodes(after.GetRoot(cancellationToken))),
            cancellationToken);

    /// <summary>The same, from the files' indexes and member declarations (<see cref="TreeIndex.MemberNodes"/>), already at hand.</summary>
    public static Redeclarations? Of(TreeIndex oldIndex, TreeIndex newIndex, List<SyntaxNode> oldNodes, List<SyntaxNode> newNodes,
        CancellationToken cancellationToken)
    {
        if (oldIndex.SkeletonHash != newIndex.SkeletonHash)
        {
            return null;
        }

        var old = oldIndex.Members;
        var now = newIndex.Members;
        var oldByName = ByName(old);
        var newByName = ByName(now);
        var redeclared = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var name in oldByName.Keys.Concat(newByName.Keys))
        {
            cancellationToken.ThrowIfCancellationRequested();
            oldByName.TryGetValue(name, out var was);
            newByName.TryGetValue(name, out var @is);
            if (!redeclared.Contains(name) && !SameDeclarations(was, @is, old, now, oldNodes, newNodes))
            {
                redeclared.Add(name);
            }
        }

        foreach (var name in redeclared)
        {
            if (ImplicitlyCalled(name, oldByName, newByName, oldNodes, newNodes)) return null;
        }

        // Members kept must keep their order: field initializers run in it.
        if (!KeptNames(old, redeclared).SequenceEqual(KeptNames(now, redeclared)))
        {
            return null;
        }

        var kept = new List<(int, int)>();
        foreach (var pair in oldByName)
        {
            if (redeclared.Contains(pair.Key)) continue;
            var @is = newByName[pair.Key];
            for (var i = 0; i < pair.Value.Count; i++) kept.Add((pair.Value[i], @is[i]));
        }

        return new Redeclarations(redeclared, kept);
    }

    private static Dictionary<string, List<int>> ByName(ImmutableArray<DeclaredMember> members)
    {
        var byName = new Dictionary<string, List<int>>(System.StringComparer.Ordinal);
        for (var ordinal = 0; ordinal < members.Length; ordinal++)
        {
            if (!byName.TryGetValue(members[ordinal].Name, out var ordinals)) byName[members[ordinal].Name] = ordinals = new List<int>(1);
            ordinals.Add(ordinal);
        }

        return byName;
    }

    /// <summary>The same number of members of the name before and after, each in the same type and declared the same way.</summary>
    private static bool SameDeclarations(List<int>? was, List<int>? @is, ImmutableArray<DeclaredMember> old, ImmutableArray<DeclaredMember> now,
        List<SyntaxNode> oldNodes, List<SyntaxNode> newNodes)
    {
        if (was is null || @is is null || was.Count != @is.Count)
        {
            return false;
        }

        for (var i = 0; i < was.Count; i++)
        {
            if (old[was[i]].Owner != now[@is[i]].Owner || !SameDeclaration(oldNodes[was[i]], newNodes[@is[i]])) return false;
        }

        return true;
    }

    /// <summary>
    /// The declarations read the same but for bodies and initializers: a field's by its whole declaration (its
    /// type and modifiers, and a constant's value, are outside the declarator). A constant's value is its
    /// declaration, since readers fold it in; Roslyn's top-level equivalence counts it too, and we say so here
    /// rather than rely on that.
    /// </summary>
    private static bool SameDeclaration(SyntaxNode before, SyntaxNode after)
    {
        if (before is VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax oldField }
            && after is VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax newField })
        {
            var constant = oldField.Modifiers.Any(SyntaxKind.ConstKeyword) || newField.Modifiers.Any(SyntaxKind.ConstKeyword);
            return oldField.IsEquivalentTo(newField, topLevel: !constant) && before.IsEquivalentTo(after, topLevel: !constant);
        }

        if (ConstructorMention.IsPrimaryBaseCall(before) && ConstructorMention.IsPrimaryBaseCall(after))
        {
            // A primary constructor's base call arguments are all code; its declaration is its type's.
            return true;
        }

        return before.RawKind == after.RawKind && before.IsEquivalentTo(after, topLevel: true);
    }

    /// <summary>
    /// A member code may call without naming it: constructors (a derived type's, <c>new()</c>), operators,
    /// conversions, indexers, destructors, top-level statements, and the methods and properties of the
    /// language's patterns (foreach, using, await, deconstruction, collection initializers, queries, ranges).
    /// </summary>
    private static bool ImplicitlyCalled(string name, Dictionary<string, List<int>> oldByName, Dictionary<string, List<int>> newByName, List<SyntaxNode> oldNodes,
        List<SyntaxNode> newNodes)
    {
        if (name.Length == 0 || PatternNames.Contains(name))
        {
            return true;
        }

        return (oldByName.TryGetValue(name, out var was) && was.Exists(o => IsImplicitlyCalled(oldNodes[o])))
            || (newByName.TryGetValue(name, out var @is) && @is.Exists(o => IsImplicitlyCalled(newNodes[o])));
    }

    private static bool IsImplicitlyCalled(SyntaxNode member) =>
        member is ConstructorDeclarationSyntax or GlobalStatementSyntax || ConstructorMention.IsPrimaryBaseCall(member)
        || ConstructorMention.IsPrimaryParameterList(member);

    private static readonly HashSet<string> PatternNames = new(System.StringComparer.Ordinal)
    {
        "GetEnumerator", "GetAsyncEnumerator", "MoveNext", "MoveNextAsync", "Current", "Dispose", "DisposeAsync", "GetAwaiter", "GetResult", "IsCompleted",
        "OnCompleted", "UnsafeOnCompleted", "Add", "Deconstruct", "Select", "SelectMany", "Where", "Join", "GroupJoin", "OrderBy", "OrderByDescending",
        "ThenBy", "ThenByDescending", "GroupBy", "Cast", "GetPinnableReference", "Length", "Count", "Slice", "Item", "ToString", "Equals", "GetHashCode",
        "Invoke", "Clone", "AppendLiteral", "AppendFormatted", "Create", "Finalize", "PrintMembers", "EqualityContract", "Main",
    };

    /// <summary>The names of the members not redeclared, in the order the file declares them.</summary>
    private static IEnumerable<string> KeptNames(ImmutableArray<DeclaredMember> members, HashSet<string> redeclared)
    {
        foreach (var member in members)
        {
            if (!redeclared.Contains(member.Name)) yield return member.Name;
        }
    }
}
