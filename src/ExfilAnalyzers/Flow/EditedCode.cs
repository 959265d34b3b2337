using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The members whose code an edit changed (those no longer equivalent, trivia aside), the names whose
/// mentions it may have changed (<see cref="EditedNames"/>; every name the member mentions when no
/// narrower set can be told), and the edited files. An answer (<see cref="AnswerDeps"/>) holds after the
/// edit unless it, or an answer it used, analysed one of those members' code, or asked the member index
/// about one of those names: the index's answer for a name depends only on the code that mentions it,
/// and a body edit changes no other code and no declaration. An edit of declarations also rebinds the
/// names it redeclares (<see cref="Redeclarations"/>), as <see cref="CarryConditions"/> does the names of
/// members the relevance index answers differently about: every member that mentions one is edited.
/// </summary>
internal sealed class EditedCode
{
    private readonly HashSet<BodyKey> _bodies;
    private readonly HashSet<string> _names;
    private static long s_lastStamp;
    private readonly long _stamp = Interlocked.Increment(ref s_lastStamp);
    private readonly HashSet<SyntaxTree> _trees;
    private readonly HashSet<string> _redeclared;
    private readonly HashSet<string> _rebound;
    private readonly List<string> _pending;
    private readonly AddedMembers _added;
    private readonly HashSet<BodyKey> _inPlace;
    private readonly HashSet<AnswerDeps>? _presumedUnchanged;

    public EditedCode()
    {
        _bodies = new HashSet<BodyKey>();
        _names = new HashSet<string>(System.StringComparer.Ordinal);
        _trees = new HashSet<SyntaxTree>();
        _redeclared = new HashSet<string>(System.StringComparer.Ordinal);
        _rebound = new HashSet<string>(System.StringComparer.Ordinal);
        _pending = new List<string>();
        _added = new AddedMembers();
        _inPlace = new HashSet<BodyKey>();
    }

    private EditedCode(EditedCode edited, HashSet<AnswerDeps> presumedUnchanged)
    {
        _bodies = edited._bodies;
        _names = edited._names;
        _trees = edited._trees;
        _redeclared = edited._redeclared;
        _rebound = edited._rebound;
        _pending = edited._pending;
        _added = edited._added;
        _inPlace = edited._inPlace;
        _presumedUnchanged = presumedUnchanged;
    }

    /// <summary>
    /// The same edit, with the records of these answers (the edited members' own summaries) taken to be
    /// unchanged by it: an answer touched only through them holds if they do (<see cref="EarlyCutoff"/>),
    /// whatever they were made from (a mention of a rebound name, another edited member's summary).
    /// </summary>
    public EditedCode Presuming(HashSet<AnswerDeps> unchanged) => new(this, unchanged);

    /// <summary>True when the edit changed the member's code.</summary>
    public bool Edited(BodyKey body) => _bodies.Contains(body);

    /// <summary>
    /// Adds the edit from one version of a file to the next; false when nothing can be carried across it
    /// (see <see cref="AddDeclarations"/>).
    /// </summary>
    public bool Add(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken)
    {
        var oldIndex = TreeIndex.For(before, cancellationToken);
        var newIndex = TreeIndex.For(after, cancellationToken);
        var old = oldIndex.Members;
        var now = newIndex.Members;
        var oldNodes = new List<SyntaxNode>(TreeIndex.MemberNodes(before.GetRoot(cancellationToken)));
        var newNodes = new List<SyntaxNode>(TreeIndex.MemberNodes(after.GetRoot(cancellationToken)));
        if (oldNodes.Count != old.Length || newNodes.Count != now.Length)
        {
            return false;
        }

        _trees.Add(before);

        // Code outside any member (top-level statements are one body over the whole file) counts as the file's.
        _bodies.Add(BodyKey.FileOf(before.FilePath));
        if (oldIndex.DeclarationHash != newIndex.DeclarationHash)
        {
            return AddDeclarations(before.FilePath, oldIndex, newIndex, oldNodes, newNodes, cancellationToken);
        }

        if (old.Length != now.Length)
        {
            return false;
        }

        for (var ordinal = 0; ordinal < old.Length; ordinal++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddBody(before.FilePath, old, now, oldNodes, newNodes, ordinal, ordinal);
        }

        return true;
    }

    /// <summary>The member's code, when the edit changed it inside its body (its declaration reads the same).</summary>
    private void AddBody(string path, ImmutableArray<DeclaredMember> old, ImmutableArray<DeclaredMember> now, List<SyntaxNode> oldNodes, List<SyntaxNode> newNodes,
        int oldOrdinal, int newOrdinal)
    {
        if (oldNodes[oldOrdinal].IsEquivalentTo(newNodes[newOrdinal], topLevel: false))
        {
            return;
        }

        _bodies.Add(BodyKey.For(path, old[oldOrdinal]));
        if (EditedNames.Of(oldNodes[oldOrdinal], newNodes[newOrdinal]) is { } names)
        {
            _names.UnionWith(names);
        }
        else if (oldNodes[oldOrdinal] is GlobalStatementSyntax)
        {
            // Top-level statements share one scope: any of them may now mean something else.
            AddGlobalStatements(old, oldNodes);
            AddGlobalStatements(now, newNodes);
        }
        else
        {
            _names.UnionWith(old[oldOrdinal].Mentions);
            _names.UnionWith(now[newOrdinal].Mentions);
        }
    }

    /// <summary>
    /// An edit that added, removed or redeclared members (a method added to a class, a parameter's type
    /// changed). The names those members are declared by (<see cref="Redeclared"/>) may now bind elsewhere
    /// to something else, so every member that mentions one counts as edited (<see cref="Finish"/>), and so
    /// does every member of such a name in this file, whose <see cref="BodyKey.Index"/> may have moved.
    /// False when nothing can be carried across the edit (<see cref="Redeclarations.Of"/>).
    /// </summary>
    private bool AddDeclarations(string path, TreeIndex oldIndex, TreeIndex newIndex, List<SyntaxNode> oldNodes, List<SyntaxNode> newNodes,
        CancellationToken cancellationToken)
    {
        if (Redeclarations.Of(oldIndex, newIndex, oldNodes, newNodes, cancellationToken) is not { } redeclarations)
        {
            return false;
        }

        var redeclared = redeclarations.Names;
        var rewritten = Rewritten(oldIndex.Members, newIndex.Members, oldNodes, newNodes, redeclared);
        foreach (var (members, nodes, changed, inPlace) in new[]
            {
                (oldIndex.Members, oldNodes, rewritten.Old, rewritten.OldInPlace), (newIndex.Members, newNodes, rewritten.New, rewritten.NewInPlace),
            })
        {
            for (var ordinal = 0; ordinal < members.Length; ordinal++)
            {
                if (!redeclared.Contains(members[ordinal].Name)) continue;
                if (inPlace[ordinal])
                {
                    // Written the same under the same key (an overload added after it): the same code, not edited.
                    _inPlace.Add(BodyKey.For(path, members[ordinal]));
                    continue;
                }

                _bodies.Add(BodyKey.For(path, members[ordinal]));
                if (changed[ordinal]) _names.UnionWith(SearchableMentions(nodes[ordinal], members[ordinal]));
            }
        }

        foreach (var (old, now) in redeclarations.Kept)
        {
            AddBody(path, oldIndex.Members, newIndex.Members, oldNodes, newNodes, old, now);
        }

        _redeclared.UnionWith(redeclared);
        foreach (var name in redeclared)
        {
            _added.Note(name, Added(name, oldIndex.Members, newIndex.Members, newNodes, rewritten.Old, rewritten.New));
            RebindName(name);
        }

        return true;
    }

    /// <summary>
    /// Which members of the redeclared names, before and after, were written anew: all but those written the
    /// same, whole and in the same type, as a member of the other version (an overload added beside them, a
    /// member of their name removed). Those keep their code, and their mentions bind as before but for the
    /// redeclared names, which are searched again anyway: a search of anything else they mention is unchanged.
    /// In place: written the same at the same place among the file's members of the name, so under the same key.
    /// </summary>
    private static (bool[] Old, bool[] New, bool[] OldInPlace, bool[] NewInPlace) Rewritten(ImmutableArray<DeclaredMember> old,
        ImmutableArray<DeclaredMember> now, List<SyntaxNode> oldNodes, List<SyntaxNode> newNodes, HashSet<string> redeclared)
    {
        var oldChanged = new bool[old.Length];
        var newChanged = new bool[now.Length];
        var oldInPlace = new bool[old.Length];
        var newInPlace = new bool[now.Length];
        var unmatched = new Dictionary<string, List<int>>(System.StringComparer.Ordinal);
        for (var ordinal = 0; ordinal < old.Length; ordinal++)
        {
            if (!redeclared.Contains(old[ordinal].Name)) continue;
            oldChanged[ordinal] = true;
            if (!unmatched.TryGetValue(old[ordinal].Name, out var ordinals)) unmatched[old[ordinal].Name] = ordinals = new List<int>(1);
            ordinals.Add(ordinal);
        }

        for (var ordinal = 0; ordinal < now.Length; ordinal++)
        {
            if (!redeclared.Contains(now[ordinal].Name)) continue;
            newChanged[ordinal] = true;
            if (!unmatched.TryGetValue(now[ordinal].Name, out var candidates)) continue;
            var match = candidates.FindIndex(o => old[o].Owner == now[ordinal].Owner && SameCode(oldNodes[o], newNodes[ordinal]));
            if (match < 0) continue;
            oldChanged[candidates[match]] = newChanged[ordinal] = false;
            oldInPlace[candidates[match]] = newInPlace[ordinal] = old[candidates[match]].Index == now[ordinal].Index;
            candidates.RemoveAt(match);
        }

        return (oldChanged, newChanged, oldInPlace, newInPlace);
    }

    /// <summary>The declarations of the name the edit added, when every member of it before is still there written the same; else null.</summary>
    private static List<SyntaxNode>? Added(string name, ImmutableArray<DeclaredMember> old, ImmutableArray<DeclaredMember> now, List<SyntaxNode> newNodes,
        bool[] oldRewritten, bool[] newRewritten)
    {
        for (var ordinal = 0; ordinal < old.Length; ordinal++)
        {
            if (oldRewritten[ordinal] && old[ordinal].Name == name) return null;
        }

        var added = new List<SyntaxNode>(1);
        for (var ordinal = 0; ordinal < now.Length; ordinal++)
        {
            if (newRewritten[ordinal] && now[ordinal].Name == name) added.Add(newNodes[ordinal]);
        }

        return added;
    }

    /// <summary>
    /// The names the member mentions where they may stand for a member, which a search of the member index binds
    /// (<see cref="TreeIndex.Mentions"/>): a name it writes only as a type (a parameter's, the return type) changes no search.
    /// </summary>
    private static IEnumerable<string> SearchableMentions(SyntaxNode node, DeclaredMember member)
    {
        var mentions = new HashSet<string>(member.Mentions, System.StringComparer.Ordinal);
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax name && !TypePosition.Holds(name) && mentions.Remove(token.ValueText))
            {
                yield return token.ValueText;
            }
        }
    }

    /// <summary>Written the same, trivia aside; a field with its whole declaration (its type types what its initializer binds).</summary>
    private static bool SameCode(SyntaxNode before, SyntaxNode after) =>
        before.IsEquivalentTo(after, topLevel: false)
        && (before is not VariableDeclaratorSyntax { Parent.Parent: { } oldField } || after is VariableDeclaratorSyntax { Parent.Parent: { } newField }
            && oldField.IsEquivalentTo(newField, topLevel: false));

    /// <summary>
    /// Every member of the compilation that mentions a name rebound since the last call counts as edited
    /// (its mentions may bind to another member now, or mean something else to the relevance index), and
    /// so does the code outside members of a file that mentions one. Where the name's redeclarations only
    /// added members, a member whose mention binds in the compilation to none of them is not edited
    /// (<see cref="AddedMembers"/>).
    /// </summary>
    public void Finish(IEnumerable<SyntaxTree> trees, Compilation compilation, CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var added = new Dictionary<string, HashSet<ISymbol>?>(System.StringComparer.Ordinal);
        foreach (var name in _pending) added[name] = _added.SymbolsOf(name, compilation, trees, cancellationToken);
        foreach (var tree in trees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var index = TreeIndex.For(tree, cancellationToken);
            SemanticModel? model = null;
            foreach (var name in _pending)
            {
                if (index.MentionedOutsideMembers.Contains(name)) _bodies.Add(BodyKey.FileOf(tree.FilePath));
                foreach (var position in index.PositionsOf(name))
                {
                    var ordinal = BodyKey.OrdinalAt(index, position);
                    if (ordinal == BodyKey.WholeFile || index.Members[ordinal].Name == "<top-level>")
                    {
                        _bodies.Add(BodyKey.FileOf(tree.FilePath));
                    }

                    if (ordinal == BodyKey.WholeFile) continue;
                    var key = BodyKey.For(tree.FilePath, index.Members[ordinal]);
                    if (!_bodies.Contains(key) && (added[name] is not { } symbols || MayBindTo(symbols, tree, position, compilation, ref model, cancellationToken)))
                    {
                        _bodies.Add(key);
                    }
                }
            }
        }

        _pending.Clear();
    }

    private static bool MayBindTo(HashSet<ISymbol> added, SyntaxTree tree, int position, Compilation compilation, ref SemanticModel? model,
        CancellationToken cancellationToken)
    {
#pragma warning disable RS1030 // The analyzer driver serves a cached model for trees of the compilation being analysed.
        model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        return AddedMembers.MayBindTo(added, tree.GetRoot(cancellationToken).FindToken(position).Parent, model, cancellationToken);
    }

    /// <summary>
    /// A member the relevance index now answers differently about: its code counts as edited, with every name
    /// it mentions (searches of those names may now keep or drop it), and its name is rebound.
    /// </summary>
    public void Rebind(string path, DeclaredMember member)
    {
        _bodies.Add(BodyKey.For(path, member));
        _names.UnionWith(member.Mentions);
        Rebind(member.Name);
    }

    /// <summary>A name whose mentions may now mean something else: searched again, and its mentioners edited at the next <see cref="Finish"/>.</summary>
    public void Rebind(string name)
    {
        _added.Rebound(name);
        RebindName(name);
    }

    private void RebindName(string name)
    {
        _names.Add(name);
        if (_rebound.Add(name)) _pending.Add(name);
    }

    private void AddGlobalStatements(ImmutableArray<DeclaredMember> members, List<SyntaxNode> nodes)
    {
        for (var ordinal = 0; ordinal < members.Length; ordinal++)
        {
            if (nodes[ordinal] is GlobalStatementSyntax) _names.UnionWith(members[ordinal].Mentions);
        }
    }

    /// <summary>True when the edit redeclared members of the name (added, removed or changed one): their places in the file may have moved.</summary>
    public bool Redeclared(string name) => _redeclared.Contains(name);

    /// <summary>
    /// True when the key may name another member now: a member of a name redeclared in its file, whose place among
    /// the file's members of that name may have moved (<see cref="BodyKey.Index"/>); not one written the same there.
    /// </summary>
    public bool MayHaveMoved(BodyKey key)
    {
        if (key.Name is not { } name || !_redeclared.Contains(name) || _inPlace.Contains(key))
        {
            return false;
        }

        foreach (var tree in _trees)
        {
            if (tree.FilePath == key.Path) return true;
        }

        return false;
    }

    /// <summary>True when the name's mentions may mean something else: members of it redeclared, or answered about differently.</summary>
    public bool Rebound(string name) => _rebound.Contains(name);

    /// <summary>
    /// True when the answer, or any answer it used, read edited code or searched a name edited code
    /// mentions. Linear over all the records asked about together: each record is looked at once.
    /// </summary>
    public bool Touches(AnswerDeps answer)
    {
        // Most records use no other (a member found to send nothing by its own mentions): looked at
        // directly, which costs less than remembering them.
        if (answer.UsedCount == 0)
        {
            return TouchesItself(answer);
        }

        if (Known(answer) is { } known)
        {
            return known;
        }

        if (TouchesItself(answer))
        {
            return Remember(answer, true);
        }

        // Depth first without recursion: records chain as deep as the answers built on each other.
        var path = new List<(AnswerDeps Record, int Next, bool Touched)> { (answer, 0, false) };
        Enter(answer);
        while (true)
        {
            var (record, next, touched) = path[path.Count - 1];
            if (!touched && next < record.UsedCount)
            {
                var used = record.UsedAt(next);
                path[path.Count - 1] = (record, next + 1, false);
                if (Known(used) is { } usedKnown)
                {
                    if (usedKnown) path[path.Count - 1] = (record, next + 1, true);
                }
                else if (TouchesItself(used))
                {
                    Remember(used, true);
                    path[path.Count - 1] = (record, next + 1, true);
                }
                else if (used.UsedCount > 0 && !IsPresumed(used) && Enter(used))
                {
                    // A record presumed unchanged is not looked into: what was built on it used what it says, not how it was made.
                    path.Add((used, 0, false));
                }

                continue;
            }

            Remember(record, touched);
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

    // A record's stamp (AnswerDeps.TouchedStamp): this walk's own in the high bits, and in the low two what it found.
    private const long Untouched = 0, Touched = 1, OnPath = 2;

    /// <summary>What this edit's walk found for the record, or null when it has not finished looking at it.</summary>
    private bool? Known(AnswerDeps record)
    {
        var stamp = Volatile.Read(ref StampOf(record));
        return stamp >> 2 != _stamp || (stamp & 3) == OnPath ? null : (stamp & 3) == Touched;
    }

    private bool Remember(AnswerDeps record, bool touched)
    {
        Volatile.Write(ref StampOf(record), (_stamp << 2) | (touched ? Touched : Untouched));
        return touched;
    }

    /// <summary>Marks the record as on the walk's path; false when it already is (the records were meant to have no cycle).</summary>
    private bool Enter(AnswerDeps record)
    {
        var onPath = (_stamp << 2) | OnPath;
        if (Volatile.Read(ref StampOf(record)) == onPath) return false;
        Volatile.Write(ref StampOf(record), onPath);
        return true;
    }

    private ref long StampOf(AnswerDeps record) => ref _presumedUnchanged is null ? ref record.TouchedStamp : ref record.PresumingStamp;

    /// <summary>True when one of the trees is an edited file's earlier version: locations in it moved.</summary>
    public bool Moved(System.Collections.Immutable.ImmutableArray<SyntaxTree> trees)
    {
        foreach (var tree in trees)
        {
            if (_trees.Contains(tree)) return true;
        }

        return false;
    }

    private bool IsPresumed(AnswerDeps record) => _presumedUnchanged is not null && _presumedUnchanged.Contains(record);

    private bool TouchesItself(AnswerDeps record)
    {
        if (IsPresumed(record))
        {
            return false;
        }

        return record.ReadsAny(_bodies, _names);
    }
}
