using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// A member's code, named so that it is the same in the next compilation: the file's path, the member's
/// name, and how many members of that name the file declares before it (<see cref="DeclaredMember.Index"/>).
/// An edit inside a body moves none of that, nor does a member of another name added or removed.
/// <see cref="Index"/> -1 stands for the whole file (top-level statements, or code outside any member).
/// </summary>
internal readonly record struct BodyKey(string Path, string? Name, int Index)
{
    public const int WholeFile = -1;

    /// <summary>The whole file's code.</summary>
    public static BodyKey FileOf(string path) => new(path, null, WholeFile);

    /// <summary>The member's code.</summary>
    public static BodyKey For(string path, DeclaredMember member) => new(path, member.Name, member.Index);

    /// <summary>The member whose code holds the node.</summary>
    public static BodyKey Of(SyntaxNode node, CancellationToken cancellationToken)
    {
        var tree = node.SyntaxTree;
        if (node is CompilationUnitSyntax)
        {
            return FileOf(tree.FilePath);
        }

        var index = TreeIndex.For(tree, cancellationToken);
        var ordinal = OrdinalAt(index, node.SpanStart);
        return ordinal == WholeFile ? FileOf(tree.FilePath) : For(tree.FilePath, index.Members[ordinal]);
    }

    /// <summary>
    /// The member's declaration in the compilation: in its tree of the same path, the member of the same
    /// name and index. Null for the whole file, or when the compilation has no such tree or member.
    /// </summary>
    public SyntaxNode? MemberIn(Compilation compilation, CancellationToken cancellationToken)
    {
        if (Index < 0)
        {
            return null;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath != Path)
            {
                continue;
            }

            var members = TreeIndex.For(tree, cancellationToken).Members;
            var ordinal = 0;
            foreach (var member in TreeIndex.MemberNodes(tree.GetRoot(cancellationToken)))
            {
                if (ordinal < members.Length && members[ordinal].Index == Index && members[ordinal].Name == Name) return member;
                ordinal++;
            }

            return null;
        }

        return null;
    }

    /// <summary>The ordinal of the member whose span holds the position, or <see cref="WholeFile"/>.</summary>
    public static int OrdinalAt(TreeIndex index, int position)
    {
        var members = index.Members;
        int low = 0, high = members.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (members[middle].SpanStart <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found >= 0 && members[found].SpanEnd >= position ? found : WholeFile;
    }
}

/// <summary>
/// What one answer of the engine (a summary, a field's value) was computed from, for carrying it to the
/// next compilation of an IDE session (<see cref="CarriedAnswers"/>): the code it analysed itself, the
/// names it asked the member index about, and the answers it used, each with its own record. A frame of
/// a computation owns one (<see cref="CallChain.Deps"/>), filled by the one thread computing it; once the
/// answer is cached, the record is only read. Records form a graph without cycles: an answer uses only
/// answers completed before it, or the frames it called.
/// </summary>
internal sealed class AnswerDeps
{
    /// <summary>The record of an answer made from nothing of the code (the empty summary); never written to.</summary>
    public static readonly AnswerDeps None = new();

    private List<BodyKey>? _bodies;
    private List<string>? _names;
    private List<AnswerDeps>? _uses;

    public IReadOnlyList<BodyKey> Bodies => (IReadOnlyList<BodyKey>?)_bodies ?? System.Array.Empty<BodyKey>();

    public IReadOnlyList<string> Names => (IReadOnlyList<string>?)_names ?? System.Array.Empty<string>();

    public IReadOnlyList<AnswerDeps> Used => (IReadOnlyList<AnswerDeps>?)_uses ?? System.Array.Empty<AnswerDeps>();

    public void ReadsBody(BodyKey key)
    {
        _bodies ??= new List<BodyKey>(1);
        if (!_bodies.Contains(key)) _bodies.Add(key);
    }

    public void Searches(string name)
    {
        _names ??= new List<string>(2);
        if (!_names.Contains(name)) _names.Add(name);
    }

    public void Uses(AnswerDeps used)
    {
        if (ReferenceEquals(used, this) || ReferenceEquals(used, None)) return;
        _uses ??= new List<AnswerDeps>(2);

        // A helper met at every step is recorded once; the last few are what repeats.
        for (var i = _uses.Count - 1; i >= 0 && i >= _uses.Count - 4; i--)
        {
            if (ReferenceEquals(_uses[i], used)) return;
        }

        _uses.Add(used);
    }

    /// <summary>A record that uses all of these (an answer taken from another level, with the values that made it the same).</summary>
    public static AnswerDeps Of(IEnumerable<AnswerDeps> all)
    {
        var deps = new AnswerDeps();
        foreach (var used in all) deps.Uses(used);
        return deps;
    }
}
