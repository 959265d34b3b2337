using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>Whether a member may send: decided on demand, per member asked, and remembered per compilation.</summary>
internal sealed partial class RelevanceIndex
{
    private readonly object _sendingLock = new();
    private sbyte[]? _callsSink;
    private SendingSearch? _search;

    /// <summary>
    /// Whether a member may send, decided on demand (in the IDE only the edited file's members ask):
    /// it calls a sink (a mention of a sink's name that binds to one: names like Add and Write are
    /// common), or it names a member that may send (a call of a sending helper is reported where it
    /// is made), or it names state that a sending member writes (a stored callback, an event). Each
    /// member is visited, and bound, at most once per compilation.
    /// </summary>
    private bool IsSending(RelevanceEntry start, CancellationToken cancellationToken)
    {
        lock (_sendingLock)
        {
            if (!AnySinkCall(cancellationToken))
            {
                return false;
            }

            _search ??= new SendingSearch(this);
            return _search.Sends(start, cancellationToken);
        }
    }

    private int _anySinkCall;

    // The handles as their bits, -1 until computed: an int is read and written whole by every thread.
    private int _handlesHandedOut = -1;

    /// <summary>
    /// The handles a sink on a handle needs (a network stream, for Stream.Write) that some tree may hand
    /// out: it mentions a member that does (TcpClient.GetStream, WebRequest.GetRequestStream). Where none
    /// does, writing to a stream sends nothing, and Stream.Write is no sink call there
    /// (<see cref="Models.MemberModel.MaySendWhere"/>). By names, once per compilation; in the IDE an
    /// edit that mentions one makes a new compilation.
    /// </summary>
    public Models.Handle HandlesHandedOut
    {
        get
        {
            if (_handlesHandedOut >= 0)
            {
                return (Models.Handle)_handlesHandedOut;
            }

            var handles = Models.Handle.None;
            foreach (var handle in _catalog.SinkHandles)
            {
                foreach (var name in _catalog.NamesHanding(handle))
                {
                    if (TreesMentioning(name).Count > 0)
                    {
                        handles |= handle;
                        break;
                    }
                }
            }

            _handlesHandedOut = (int)handles;
            return handles;
        }
    }

    /// <summary>
    /// Whether any member of the compilation calls a sink (or starts a process, or opens a network
    /// stream): a mention of such a name that binds to one. When none does, nothing can send, and no
    /// member is searched at all; otherwise a question whose budget of bindings ran out would answer
    /// "may send", and the search on what bodies bind to would bind half the project to find nothing.
    /// A project without telemetry or network code pays for its index and these bindings only. Names
    /// are tried rarest first: a project that does send finds a sink call in few bindings.
    /// </summary>
    private bool AnySinkCall(CancellationToken cancellationToken)
    {
        if (_anySinkCall == 0)
        {
            _anySinkCall = FindsSinkCall(cancellationToken) ? 1 : -1;
        }

        return _anySinkCall > 0;
    }

    private bool FindsSinkCall(CancellationToken cancellationToken)
    {
        var mentions = new List<(string Name, List<RelevanceEntry> Members)>();
        foreach (var mentioned in _graph.MentionedBy)
        {
            if (_catalog.IsSendingName(mentioned.Key)) mentions.Add((mentioned.Key, mentioned.Value));
        }

        if (_edit is not null)
        {
            foreach (var mentioned in _edit.MentionedBy)
            {
                if (_catalog.IsSendingName(mentioned.Key)) mentions.Add((mentioned.Key, mentioned.Value));
            }
        }

        mentions.Sort((x, y) => x.Members.Count.CompareTo(y.Members.Count));
        foreach (var (name, members) in mentions)
        {
            foreach (var member in members)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!IsReplaced(member) && SinkMentions.Confirm(_compilation, Fingerprint(cancellationToken), member.Tree, member.Member, name, _catalog,
                        HandlesHandedOut, mayBind: true, out _, cancellationToken, EarlierDeclarations) == true)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A member leads to the names it mentions that lead anywhere.</summary>
    private bool LeadsAnywhere(string name) =>
        _graph.Named.ContainsKey(name) || _graph.Writers.ContainsKey(name) || _edit is not null && _edit.Writers.ContainsKey(name);

    // The earlier compilation's graph (this index's own when derived from it) and the names redeclared since.
    private RelevanceGraph? _bindingsFrom;
    private HashSet<string>? _redeclaredSince;

    /// <summary>
    /// The declarations of an earlier compilation and the names redeclared since, when the edits between changed
    /// members only and the references, options and models are the earlier compilation's (<see cref="SinkMentions"/>).
    /// </summary>
    public (long Declarations, HashSet<string> Redeclared)? EarlierDeclarations =>
        _bindingsFrom is { } earlier && _redeclaredSince is { } redeclared && earlier.AllButTrees == AllButTrees ? (earlier.Declarations, redeclared) : null;

    private long AllButTrees => (long)(_allButTrees ??= DeclarationFingerprint.OfAllButTrees(_compilation, _catalog));

    // Boxed: threads that race to compute it each read a whole value (a nullable long is two fields).
    private object? _allButTrees;

    // Boxed: threads that race to compute it each read a whole value (a nullable long is two fields).
    private object? _fingerprint;

    private long Fingerprint(CancellationToken cancellationToken) =>
        (long)(_fingerprint ??= DeclarationFingerprint.Of(_compilation, _catalog, cancellationToken));

    /// <summary>How many members one question may bind to settle whether they call a sink.</summary>
    private const int BindingsPerQuestion = 16;

    /// <summary>
    /// The same after an earlier compilation of the project (<see cref="FollowsEarlier"/>): a keystroke's questions are
    /// about the edited members, which are analysed on a "may send" at the cost of their own analysis, while each
    /// member bound in another file costs about a millisecond, and a question whose path crosses hundreds of members
    /// of a common name (Add) never bound spent the whole budget on them at every keystroke (docs/benchmark.md).
    /// </summary>
    private const int BindingsPerQuestionAfterEarlier = 4;

    /// <summary>
    /// Whether the member calls a sink. A member that names no sink does not; one that does is bound
    /// to see whether the name is a sink's (unless an earlier compilation with the same declarations
    /// already did), while the question's budget lasts, and is otherwise taken to call one. Past the
    /// budget the answer can only be "may send": that costs an analysis, never
    /// a diagnostic, so the results do not depend on the order of the questions.
    /// </summary>
    private bool CallsSink(RelevanceEntry member, ref int bindings, CancellationToken cancellationToken)
    {
        // Per compilation (under the sending lock): an unchanged tree's members are shared with earlier ones.
        _callsSink ??= new sbyte[_relevant.Length];
        if (_callsSink[member.Id] != 0)
        {
            return _callsSink[member.Id] > 0;
        }

        foreach (var name in member.Member.Mentions)
        {
            if (!_catalog.IsSendingName(name))
            {
                continue;
            }

            var callsSink = SinkMentions.Confirm(_compilation, Fingerprint(cancellationToken), member.Tree, member.Member, name, _catalog,
                HandlesHandedOut, mayBind: bindings > 0, out var bound, cancellationToken, EarlierDeclarations);
            if (callsSink is null)
            {
                return true;
            }

            if (bound) bindings--;
            if (callsSink.Value)
            {
                _callsSink[member.Id] = 1;
                return true;
            }
        }

        // Every sink name it mentions has a definite answer here (an unknown one returned above).
        _callsSink[member.Id] = -1;
        return false;
    }
}
