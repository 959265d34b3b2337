using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// What every answer of a compilation depends on beyond the code it read and the names it searched:
/// how code binds (<see cref="DeclarationFingerprint"/>: references, options, models; declarations are
/// compared tree by tree, <see cref="EditedCode.Add"/>),
/// which members matter and which state may hold something (the relevance index's answers, compared as
/// values: an edit that leaves them alone may still make the index build afresh; a member answered
/// differently is edited, <see cref="EditedCode.Rebind(string, DeclaredMember)"/>), which handles some
/// tree hands out, and each tree's options. A later compilation of the project with the same
/// conditions and the same trees, a few of them edited inside member bodies or in their members'
/// declarations, computes the same answer wherever that answer read none of the edited code and searched
/// none of the names whose mentions the edit may have changed (<see cref="EditedCode"/>).
/// </summary>
internal sealed class CarryConditions
{
    private readonly long _fingerprint;
    private readonly bool _sinksMatter;
    private readonly byte[]?[] _memberAnswers;
    private readonly HashSet<string> _stateThatMayHold;
    private readonly Models.Handle _handles;
    private readonly SyntaxTree[]? _trees;
    private readonly int[] _options;

    private CarryConditions(long fingerprint, bool sinksMatter, byte[]?[] memberAnswers, HashSet<string> stateThatMayHold, Models.Handle handles,
        SyntaxTree[]? trees, int[] options)
    {
        _fingerprint = fingerprint;
        _sinksMatter = sinksMatter;
        _memberAnswers = memberAnswers;
        _stateThatMayHold = stateThatMayHold;
        _handles = handles;
        _trees = trees;
        _options = options;
    }

    public static CarryConditions Of(FlowContext context, CancellationToken cancellationToken)
    {
        var relevance = context.Relevance(cancellationToken);
        var trees = new List<SyntaxTree>();
        var options = new List<int>();
        var paths = new HashSet<string>(System.StringComparer.Ordinal);
        var named = true;
        foreach (var tree in context.Compilation.SyntaxTrees)
        {
            // A tree is known again by its path: two with one path, or none, cannot be told apart.
            named &= tree.FilePath.Length > 0 && paths.Add(tree.FilePath);
            trees.Add(tree);
            options.Add(Code(context.OptionsFor(tree)));
        }

        return new CarryConditions(DeclarationFingerprint.OfAllButTrees(context.Compilation, context.Catalog), context.SinksMatter, relevance.MemberAnswers(),
            new HashSet<string>(relevance.StateThatMayHold, System.StringComparer.Ordinal), relevance.HandlesHandedOut, named ? trees.ToArray() : null,
            options.ToArray());
    }

    /// <summary>
    /// The code edited between this compilation and a later one, or null when nothing can be carried
    /// from this one to that one: the conditions differ, trees were added or removed, or an edit
    /// changed what a tree declares outside its members, or the relevance index's answers cannot be compared
    /// member by member. The later compilation binds the mentions of names an edit only added members to.
    /// </summary>
    public EditedCode? ChangesTo(CarryConditions later, Compilation laterCompilation, CancellationToken cancellationToken)
    {
        if (_fingerprint != later._fingerprint || _sinksMatter != later._sinksMatter || _handles != later._handles
            || _trees is null || later._trees is null || _trees.Length != later._trees.Length || _memberAnswers.Length != later._memberAnswers.Length)
        {
            return null;
        }

        var edited = new EditedCode();
        for (var i = 0; i < _trees.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = _trees[i];
            var after = later._trees[i];
            if (_options[i] != later._options[i] || before.FilePath != after.FilePath)
            {
                return null;
            }

            if (!ReferenceEquals(before, after) && !edited.Add(before, after, cancellationToken))
            {
                return null;
            }
        }

        // What the relevance index answers differently rebinds names, and their mentioners are edited. Being edited
        // changes no relevance answer (the index answered about every member already), so one pass settles it.
        for (var i = 0; i < _trees.Length; i++)
        {
            if (!CompareAnswers(_trees[i], _memberAnswers[i], later._trees[i], later._memberAnswers[i], edited, cancellationToken)) return null;
        }

        foreach (var name in _stateThatMayHold)
        {
            if (!later._stateThatMayHold.Contains(name)) edited.Rebind(name);
        }

        foreach (var name in later._stateThatMayHold)
        {
            if (!_stateThatMayHold.Contains(name)) edited.Rebind(name);
        }

        edited.Finish(later._trees, laterCompilation, cancellationToken);
        return edited;
    }

    /// <summary>
    /// Rebinds each member of the tree the relevance index answers differently about (<see cref="EditedCode.Rebind(string, DeclaredMember)"/>);
    /// false when the two cannot be compared. Members of redeclared names are edited already, but for those written the
    /// same under the same key (an overload added after them), which are compared like the rest.
    /// </summary>
    private static bool CompareAnswers(SyntaxTree before, byte[]? these, SyntaxTree after, byte[]? those, EditedCode edited, CancellationToken cancellationToken)
    {
        if (these is null || those is null)
        {
            return these is null && those is null;
        }

        var oldIndex = TreeIndex.For(before, cancellationToken);
        var newIndex = TreeIndex.For(after, cancellationToken);
        var old = oldIndex.Members;
        var now = newIndex.Members;
        if (old.Length != these.Length || now.Length != those.Length)
        {
            return false;
        }

        if (these.Length == those.Length && oldIndex.DeclarationHash == newIndex.DeclarationHash)
        {
            // The same members in the same order.
            for (var i = 0; i < these.Length; i++)
            {
                if (these[i] != those[i]) edited.Rebind(after.FilePath, now[i]);
            }

            return true;
        }

        var oldAnswers = new Dictionary<(string, int), byte>();
        for (var i = 0; i < old.Length; i++)
        {
            if (!EditedByRedeclaration(edited, before.FilePath, old[i])) oldAnswers[(old[i].Name, old[i].Index)] = these[i];
        }

        var compared = 0;
        for (var i = 0; i < now.Length; i++)
        {
            if (EditedByRedeclaration(edited, after.FilePath, now[i]))
            {
                continue;
            }

            if (!oldAnswers.TryGetValue((now[i].Name, now[i].Index), out var answer))
            {
                return false;
            }

            if (answer != those[i]) edited.Rebind(after.FilePath, now[i]);
            compared++;
        }

        return compared == oldAnswers.Count;
    }

    /// <summary>A member of a redeclared name the edit counts as edited: every one but those written the same under the same key.</summary>
    private static bool EditedByRedeclaration(EditedCode edited, string path, DeclaredMember member) =>
        edited.Redeclared(member.Name) && edited.Edited(BodyKey.For(path, member));

    /// <summary>The options the flow analysis reads, as one number (the errors in their values change no answer).</summary>
    private static int Code(Models.ExfilOptions options) =>
        (options.ReportGated ? 1 : 0) | (options.LoggingIsTelemetry ? 2 : 0) | (options.HashIsRedaction ? 4 : 0);
}
