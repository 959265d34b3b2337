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

    // Keys are hashed over and over (every carried answer at every keystroke, every summary looked up), and a
    // path is long: hashed once. The properties have no init accessor, so no `with` can leave the hash stale.
    private readonly int _hash = unchecked(((Path.GetHashCode() * 31) + (Name?.GetHashCode() ?? 0)) * 31 + Index);

    public string Path { get; } = Path;

    public string? Name { get; } = Name;

    public int Index { get; } = Index;

    public bool Equals(BodyKey other) =>
        _hash == other._hash && Index == other.Index && string.Equals(Path, other.Path, System.StringComparison.Ordinal)
        && string.Equals(Name, other.Name, System.StringComparison.Ordinal);

    public override int GetHashCode() => _hash;

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

    public IReadOnlyList<AnswerDeps> Used => (IReadOnlyList<AnswerDeps>?)_uses ?? System.Array.Empty<AnswerDeps>();

    /// <summary>How many records this one used; with <see cref="UsedAt"/>, read without an interface call by the walks over every record.</summary>
    internal int UsedCount => _uses?.Count ?? 0;

    internal AnswerDeps UsedAt(int index) => _uses![index];

    /// <summary>True when this record itself read one of the bodies or searched one of the names.</summary>
    internal bool ReadsAny(HashSet<BodyKey> bodies, HashSet<string> names)
    {
        if (_bodies is not null)
        {
            foreach (var body in _bodies)
            {
                if (bodies.Contains(body)) return true;
            }
        }

        if (_names is not null)
        {
            foreach (var name in _names)
            {
                if (names.Contains(name)) return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What an edit's walk found for this record (<see cref="EditedCode.Touches"/>): the walk's stamp shifted
    /// left, and what it found in the low bits. Kept on the record rather than in a map keyed by it: the
    /// walk looks at every carried record at every keystroke, and hashing an object costs more than the
    /// look itself. A walk that finds another walk's stamp looks again, so two walks at once cost time, never answers.
    /// </summary>
    internal long TouchedStamp;

    /// <summary>
    /// The same for an edit presuming some records unchanged (<see cref="EditedCode.Presuming"/>): early cutoff asks
    /// both edits about the same records in turn, and with one slot each would undo the other's work every time.
    /// </summary>
    internal long PresumingStamp;

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

    /// <summary>
    /// The record with each record it reaches that the map names replaced by the map's record, copied only
    /// where something below was replaced: an answer kept by early cutoff then depends on the edited
    /// members' new summaries instead of their old ones (<see cref="EarlyCutoff"/>). The map is filled with
    /// every record looked at, so that records shared by many answers are rewritten once.
    /// </summary>
    public static AnswerDeps Rewrite(AnswerDeps root, Dictionary<AnswerDeps, AnswerDeps> map)
    {
        if (map.TryGetValue(root, out var done))
        {
            return done;
        }

        // Depth first without recursion, as in EditedCode.Touches: records chain as deep as the answers built on each other.
        var path = new List<(AnswerDeps Record, int Next, List<AnswerDeps>? Uses)> { (root, 0, null) };
        var onPath = new HashSet<AnswerDeps> { root };
        while (true)
        {
            var (record, next, uses) = path[path.Count - 1];
            if (next < record.Used.Count)
            {
                var used = record.Used[next];
                path[path.Count - 1] = (record, next + 1, uses);
                if (map.TryGetValue(used, out var mapped) || onPath.Contains(used))
                {
                    Append(path, mapped ?? used);
                }
                else
                {
                    onPath.Add(used);
                    path.Add((used, 0, null));
                }

                continue;
            }

            var result = uses is null ? record : new AnswerDeps { _bodies = record._bodies, _names = record._names, _uses = uses };
            map[record] = result;
            onPath.Remove(record);
            path.RemoveAt(path.Count - 1);
            if (path.Count == 0)
            {
                return result;
            }

            Append(path, result);
        }
    }

    /// <summary>Gives the innermost record on the path the rewritten form of the record it last looked at.</summary>
    private static void Append(List<(AnswerDeps Record, int Next, List<AnswerDeps>? Uses)> path, AnswerDeps rewritten)
    {
        var (record, next, uses) = path[path.Count - 1];
        var original = record.Used[next - 1];
        if (uses is null && ReferenceEquals(rewritten, original))
        {
            return;
        }

        if (uses is null)
        {
            uses = new List<AnswerDeps>(record.Used.Count);
            for (var i = 0; i < next - 1; i++) uses.Add(record.Used[i]);
        }

        uses.Add(rewritten);
        path[path.Count - 1] = (record, next, uses);
    }

    /// <summary>A record that uses all of these (an answer taken from another level, with the values that made it the same).</summary>
    public static AnswerDeps Of(IEnumerable<AnswerDeps> all)
    {
        var deps = new AnswerDeps();
        foreach (var used in all) deps.Uses(used);
        return deps;
    }
}
