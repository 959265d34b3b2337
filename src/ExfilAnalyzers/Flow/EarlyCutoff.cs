using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// The answers of the project's last compilation that an edit touched only through the summaries of
/// the members it edited: each still holds when the new summaries of those it read read the same to a
/// caller (<see cref="SummaryShape"/>), whatever else differs. A line typed in a method that hundreds
/// of answers were computed from (Roslyn's <c>Solution</c>) rarely changes what it does for its callers,
/// nor does an overload added change what most members that mention its name do (each is made again,
/// since its mentions may bind to the new one); without this, every answer built on them is computed
/// again. Their locations are not in the edited file (those moved), so only what they read from the
/// summaries matters, not where the summaries point. Checked once per compilation, before its first
/// member is analysed (<see cref="AnswerCarry.Settle"/>).
/// </summary>
internal sealed class EarlyCutoff
{
    private readonly List<(BodyKey Key, string Name, int Mode, CarriedSummary Old)> _members;
    private readonly EditedCode _edited;
    private readonly HashSet<AnswerDeps> _presumed;
    private readonly List<KeyValuePair<(BodyKey, string, int), CarriedSummary>> _summaries = new();
    private readonly List<KeyValuePair<(BodyKey, string, int), CarriedValue>> _values = new();
    private readonly List<KeyValuePair<(BodyKey, string), AnswerDeps>> _doesNotSend = new();

    private EarlyCutoff(List<(BodyKey, string, int, CarriedSummary)> members, EditedCode edited, HashSet<AnswerDeps> presumed)
    {
        _members = members;
        _edited = edited;
        _presumed = presumed;
    }

    /// <summary>The answers that hold if the edited members' summaries read the same; null when there are none.</summary>
    public static EarlyCutoff? Of(CarriedAnswers last, EditedCode edited, CancellationToken cancellationToken)
    {
        var members = new List<(BodyKey, string, int, CarriedSummary)>();
        var presumed = new HashSet<AnswerDeps>();
        foreach (var entry in last.Summaries)
        {
            // A member's report has no callers: only the summaries its callers read are compared. A member the
            // edit redeclared may have another place among its file's members of its name: its key may name another.
            if (edited.Edited(entry.Key.Declaration) && entry.Key.Mode < CallChain.Report && !edited.MayHaveMoved(entry.Key.Declaration))
            {
                members.Add((entry.Key.Declaration, entry.Key.Name, entry.Key.Mode, entry.Value));
                presumed.Add(entry.Value.Deps);
            }
        }

        if (members.Count == 0)
        {
            return null;
        }

        var cutoff = new EarlyCutoff(members, edited, presumed);
        var presuming = edited.Presuming(presumed);
        foreach (var entry in last.Summaries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Suspect(entry.Key.Declaration, entry.Value.Deps, entry.Value.Trees, edited, presuming)) cutoff._summaries.Add(entry);
        }

        foreach (var entry in last.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Suspect(entry.Key.Declaration, entry.Value.Deps, entry.Value.Trees, edited, presuming)) cutoff._values.Add(entry);
        }

        foreach (var entry in last.DoesNotSend)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Suspect(entry.Key.Declaration, entry.Value, default, edited, presuming)) cutoff._doesNotSend.Add(entry);
        }

        return cutoff._summaries.Count + cutoff._values.Count + cutoff._doesNotSend.Count == 0 ? null : cutoff;
    }

    /// <summary>
    /// Checks which edited members' new summaries read as their old ones did, computing the new ones (on
    /// chains of their own), and adds to this compilation's answers each answer all of whose presumed
    /// summaries read the same, as soon as they are checked: an edited member's new summary may need an
    /// answer that is waiting (its callee, built on another edited member), so the members are checked
    /// callees first, and such an answer is there to take by then. Each answer added depends on the edited
    /// members' new summaries where it depended on their old ones (<see cref="AnswerDeps.Rewrite"/>): a later
    /// edit of what a member now calls reaches it, and a later keystroke in the same member finds it touched
    /// only through that member again. Returns how many answers were added.
    /// </summary>
    public int Keep(FlowContext context, CarriedSymbols symbols, CarriedAnswers answers, CancellationToken cancellationToken)
    {
        var leaves = new PresumedLeaves(_presumed, _edited);
        var waiting = new Dictionary<AnswerDeps, List<int>>();
        var answersWaiting = new List<(AnswerDeps Deps, System.Action<AnswerDeps> Add)>();
        foreach (var entry in _summaries) answersWaiting.Add((entry.Value.Deps, deps => answers.Summaries.TryAdd(entry.Key, entry.Value.WithDeps(deps))));
        foreach (var entry in _values) answersWaiting.Add((entry.Value.Deps, deps => answers.Values.TryAdd(entry.Key, entry.Value.WithDeps(deps))));
        foreach (var entry in _doesNotSend) answersWaiting.Add((entry.Value, deps => answers.DoesNotSend.TryAdd(entry.Key, deps)));

        var remaining = new int[answersWaiting.Count];
        for (var i = 0; i < answersWaiting.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reached = leaves.Below(answersWaiting[i].Deps);
            remaining[i] = reached.Length;
            foreach (var leaf in reached)
            {
                if (!waiting.TryGetValue(leaf, out var list)) waiting[leaf] = list = new List<int>();
                list.Add(i);
            }
        }

        // Where a cycle among the records left what an answer reaches unknown, each waits for every check.
        if (!leaves.Complete)
        {
            for (var i = 0; i < remaining.Length; i++) remaining[i] = _presumed.Count;
            foreach (var record in _presumed) waiting[record] = Enumerable.Range(0, remaining.Length).ToList();
        }

        var byRecord = new Dictionary<AnswerDeps, List<(BodyKey, string, int, CarriedSummary)>>();
        foreach (var member in _members)
        {
            if (!byRecord.TryGetValue(member.Old.Deps, out var sharing)) byRecord[member.Old.Deps] = sharing = new List<(BodyKey, string, int, CarriedSummary)>(1);
            sharing.Add(member);
        }

        var fresh = new Dictionary<AnswerDeps, AnswerDeps>();
        var dead = new bool[remaining.Length];
        var added = 0;
        foreach (var record in CalleesFirst(leaves))
        {
            var same = Check(context, symbols, record, byRecord[record], fresh, cancellationToken);
            if (!waiting.TryGetValue(record, out var list))
            {
                continue;
            }

            foreach (var i in list)
            {
                dead[i] |= !same;
                if (--remaining[i] == 0 && !dead[i])
                {
                    answersWaiting[i].Add(AnswerDeps.Rewrite(answersWaiting[i].Deps, fresh));
                    added++;
                }
            }
        }

        return added;
    }

    /// <summary>Whether every edited member whose old summary has this record reads as before; if so, the record's replacement.</summary>
    private static bool Check(FlowContext context, CarriedSymbols symbols, AnswerDeps record, List<(BodyKey, string, int, CarriedSummary)> members,
        Dictionary<AnswerDeps, AnswerDeps> fresh, CancellationToken cancellationToken)
    {
        AnswerDeps? replacement = null;
        foreach (var (key, name, mode, old) in members)
        {
            if (Member(context.Compilation, key, name, cancellationToken) is not { } method
                || context.Summaries.SummaryAt(method, mode, cancellationToken) is not { } now
                || old.In(context, method, symbols, cancellationToken) is not { } before
                || !SummaryShape.Same(before, now))
            {
                return false;
            }

            // One summary kept for several modes has one record: it stands for each mode's new one.
            replacement = replacement is null ? now.Deps : AnswerDeps.Of(new[] { replacement, now.Deps });
        }

        fresh[record] = replacement!;
        return true;
    }

    /// <summary>The edited members' old records, each after those it reaches.</summary>
    private List<AnswerDeps> CalleesFirst(PresumedLeaves leaves)
    {
        var order = new List<AnswerDeps>();
        var visited = new HashSet<AnswerDeps>();
        foreach (var (_, _, _, old) in _members)
        {
            if (!visited.Add(old.Deps)) continue;
            var path = new Stack<(AnswerDeps Record, int Next)>();
            path.Push((old.Deps, 0));
            while (path.Count > 0)
            {
                var (record, next) = path.Pop();
                var below = leaves.Below(record);
                if (next < below.Length)
                {
                    path.Push((record, next + 1));
                    if (visited.Add(below[next])) path.Push((below[next], 0));
                    continue;
                }

                order.Add(record);
            }
        }

        return order;
    }

    /// <summary>
    /// Touched, but only through the edited members' summaries; not one of theirs (made again), and with
    /// no location in an edited file.
    /// </summary>
    private static bool Suspect(BodyKey declaration, AnswerDeps deps, System.Collections.Immutable.ImmutableArray<SyntaxTree> trees, EditedCode edited,
        EditedCode presuming) =>
        !edited.Edited(declaration) && edited.Touches(deps) && !presuming.Touches(deps) && (trees.IsDefault || !edited.Moved(trees));

    /// <summary>The member the key names in the compilation (a method, or a property's or event's accessor); null when there is none.</summary>
    private static IMethodSymbol? Member(Compilation compilation, BodyKey key, string name, CancellationToken cancellationToken)
    {
        var node = key.MemberIn(compilation, cancellationToken);
        if (node is not (BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax))
        {
            return null;
        }

#pragma warning disable RS1030 // The analyzer driver serves a cached model for trees of the compilation being analysed.
        var declared = compilation.GetSemanticModel(node.SyntaxTree).GetDeclaredSymbol(node, cancellationToken);
#pragma warning restore RS1030
        return declared switch
        {
            IMethodSymbol method when method.Name == name => method,
            IPropertySymbol property => Named(name, property.GetMethod, property.SetMethod),
            IEventSymbol @event => Named(name, @event.AddMethod, @event.RemoveMethod),
            _ => null,
        };
    }

    private static IMethodSymbol? Named(string name, IMethodSymbol? first, IMethodSymbol? second) =>
        first?.Name == name ? first : second?.Name == name ? second : null;
}
