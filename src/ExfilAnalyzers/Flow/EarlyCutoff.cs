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
/// since its mentions may bind to the new one); without this, every answer built on them is computed again. Their locations are not in the edited file (those moved), so only what they
/// read from the summaries matters, not where the summaries point. Checked once per compilation, before
/// its first member is analysed (<see cref="AnswerCarry.Settle"/>).
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
    /// Checks which edited members' new summaries read as their old ones did, computing the new ones
    /// (on chains of their own); each such old summary's record with the new one's, or null when none does.
    /// </summary>
    public Dictionary<AnswerDeps, AnswerDeps>? Check(FlowContext context, CarriedSymbols symbols, CancellationToken cancellationToken)
    {
        var fresh = new Dictionary<AnswerDeps, AnswerDeps>();
        var differ = new HashSet<AnswerDeps>();
        foreach (var (key, name, mode, old) in _members)
        {
            if (Member(context.Compilation, key, name, cancellationToken) is not { } method
                || context.Summaries.SummaryAt(method, mode, cancellationToken) is not { } now
                || old.In(context, method, symbols, cancellationToken) is not { } before
                || !SummaryShape.Same(before, now))
            {
                differ.Add(old.Deps);
                continue;
            }

            // One summary kept for several modes has one record: it stands for each mode's new one.
            fresh[old.Deps] = fresh.TryGetValue(old.Deps, out var other) ? AnswerDeps.Of(new[] { other, now.Deps }) : now.Deps;
        }

        foreach (var record in differ) fresh.Remove(record);
        if (differ.Count > 0) _differ = differ;
        return fresh.Count == 0 ? null : fresh;
    }

    // The records of the edited members' summaries that read otherwise now, or could not be compared.
    private HashSet<AnswerDeps>? _differ;

    /// <summary>
    /// Adds the answers that hold to this compilation's, each now depending on the edited members' new summaries where
    /// it depended on their old ones (<see cref="AnswerDeps.Rewrite"/>): a later edit of what a member now
    /// calls reaches them, and a later keystroke in the same member finds them touched only through it again.
    /// Returns how many were added.
    /// </summary>
    public int AddTo(CarriedAnswers answers, Dictionary<AnswerDeps, AnswerDeps> fresh)
    {
        // Where some edited members' summaries differ, an answer holds only if it touched none of those.
        var holding = _differ is null ? null : _edited.Presuming(new HashSet<AnswerDeps>(_presumed.Where(record => !_differ.Contains(record))));
        var added = 0;
        foreach (var entry in _summaries)
        {
            if (holding?.Touches(entry.Value.Deps) == true) continue;
            answers.Summaries.TryAdd(entry.Key, entry.Value.WithDeps(AnswerDeps.Rewrite(entry.Value.Deps, fresh)));
            added++;
        }

        foreach (var entry in _values)
        {
            if (holding?.Touches(entry.Value.Deps) == true) continue;
            answers.Values.TryAdd(entry.Key, entry.Value.WithDeps(AnswerDeps.Rewrite(entry.Value.Deps, fresh)));
            added++;
        }

        foreach (var entry in _doesNotSend)
        {
            if (holding?.Touches(entry.Value) == true) continue;
            answers.DoesNotSend.TryAdd(entry.Key, AnswerDeps.Rewrite(entry.Value, fresh));
            added++;
        }

        return added;
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
