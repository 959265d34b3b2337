using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The members whose code an edit changed (those no longer equivalent, trivia aside), the names whose
/// mentions it may have changed (<see cref="EditedNames"/>; every name the member mentions when no
/// narrower set can be told), and the edited files. An answer (<see cref="AnswerDeps"/>) holds after the
/// edit unless it, or an answer it used, analysed one of those members' code, or asked the member index
/// about one of those names: the index's answer for a name depends only on the code that mentions it,
/// and a body edit changes no other code and no declaration.
/// </summary>
internal sealed class EditedCode
{
    private readonly HashSet<BodyKey> _bodies;
    private readonly HashSet<string> _names;
    private readonly Dictionary<AnswerDeps, bool> _touched = new();
    private readonly HashSet<SyntaxTree> _trees;
    private readonly HashSet<AnswerDeps>? _presumedUnchanged;

    public EditedCode()
    {
        _bodies = new HashSet<BodyKey>();
        _names = new HashSet<string>(System.StringComparer.Ordinal);
        _trees = new HashSet<SyntaxTree>();
    }

    private EditedCode(EditedCode edited, HashSet<AnswerDeps> presumedUnchanged)
    {
        _bodies = edited._bodies;
        _names = edited._names;
        _trees = edited._trees;
        _presumedUnchanged = presumedUnchanged;
    }

    /// <summary>
    /// The same edit, with the records of these answers (the edited members' own summaries) taken to be
    /// unchanged by it: an answer touched only through them holds if they do (<see cref="EarlyCutoff"/>).
    /// </summary>
    public EditedCode Presuming(HashSet<AnswerDeps> unchanged) => new(this, unchanged);

    /// <summary>True when the edit changed the member's code.</summary>
    public bool Edited(BodyKey body) => _bodies.Contains(body);

    /// <summary>Adds the edit from one version of a file to the next; false when the two declare different members.</summary>
    public bool Add(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken)
    {
        var old = TreeIndex.For(before, cancellationToken).Members;
        var now = TreeIndex.For(after, cancellationToken).Members;
        var oldNodes = new List<SyntaxNode>(TreeIndex.MemberNodes(before.GetRoot(cancellationToken)));
        var newNodes = new List<SyntaxNode>(TreeIndex.MemberNodes(after.GetRoot(cancellationToken)));
        if (old.Length != now.Length || oldNodes.Count != old.Length || newNodes.Count != now.Length)
        {
            return false;
        }

        _trees.Add(before);

        // Code outside any member (top-level statements are one body over the whole file) counts as the file's.
        _bodies.Add(new BodyKey(before.FilePath, BodyKey.WholeFile));
        for (var ordinal = 0; ordinal < old.Length; ordinal++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (oldNodes[ordinal].IsEquivalentTo(newNodes[ordinal], topLevel: false))
            {
                continue;
            }

            _bodies.Add(new BodyKey(before.FilePath, ordinal));
            if (EditedNames.Of(oldNodes[ordinal], newNodes[ordinal]) is { } names)
            {
                _names.UnionWith(names);
            }
            else if (oldNodes[ordinal] is GlobalStatementSyntax)
            {
                // Top-level statements share one scope: any of them may now mean something else.
                AddGlobalStatements(old, oldNodes);
                AddGlobalStatements(now, newNodes);
            }
            else
            {
                _names.UnionWith(old[ordinal].Mentions);
                _names.UnionWith(now[ordinal].Mentions);
            }
        }

        return true;
    }

    private void AddGlobalStatements(System.Collections.Immutable.ImmutableArray<DeclaredMember> members, List<SyntaxNode> nodes)
    {
        for (var ordinal = 0; ordinal < members.Length; ordinal++)
        {
            if (nodes[ordinal] is GlobalStatementSyntax) _names.UnionWith(members[ordinal].Mentions);
        }
    }

    /// <summary>
    /// True when the answer, or any answer it used, read edited code or searched a name edited code
    /// mentions. Linear over all the records asked about together: each record is looked at once.
    /// </summary>
    public bool Touches(AnswerDeps answer)
    {
        if (_touched.TryGetValue(answer, out var known))
        {
            return known;
        }

        if (TouchesItself(answer))
        {
            return _touched[answer] = true;
        }

        // Depth first without recursion: records chain as deep as the answers built on each other.
        var path = new List<(AnswerDeps Record, int Next, bool Touched)> { (answer, 0, false) };
        var onPath = new HashSet<AnswerDeps> { answer };
        while (true)
        {
            var (record, next, touched) = path[path.Count - 1];
            if (!touched && next < record.Used.Count)
            {
                var used = record.Used[next];
                path[path.Count - 1] = (record, next + 1, false);
                if (_touched.TryGetValue(used, out known))
                {
                    if (known) path[path.Count - 1] = (record, next + 1, true);
                }
                else if (TouchesItself(used))
                {
                    _touched[used] = true;
                    path[path.Count - 1] = (record, next + 1, true);
                }
                else if (onPath.Add(used))
                {
                    path.Add((used, 0, false));
                }

                continue;
            }

            _touched[record] = touched;
            onPath.Remove(record);
            path.RemoveAt(path.Count - 1);
            if (path.Count == 0)
            {
                return touched;
            }

            if (touched)
            {
                var (above, aboveNext, _) = path[path.Count - 1];
                path[path.Count - 1] = (above, aboveNext, true);
            }
        }
    }

    /// <summary>True when one of the trees is an edited file's earlier version: locations in it moved.</summary>
    public bool Moved(System.Collections.Immutable.ImmutableArray<SyntaxTree> trees)
    {
        foreach (var tree in trees)
        {
            if (_trees.Contains(tree)) return true;
        }

        return false;
    }

    private bool TouchesItself(AnswerDeps record)
    {
        if (_presumedUnchanged is not null && _presumedUnchanged.Contains(record))
        {
            return false;
        }

        foreach (var body in record.Bodies)
        {
            if (_bodies.Contains(body)) return true;
        }

        foreach (var name in record.Names)
        {
            if (_names.Contains(name)) return true;
        }

        return false;
    }
}
