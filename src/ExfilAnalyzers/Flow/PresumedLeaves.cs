using System.Collections.Generic;
using System.Linq;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Which records presumed unchanged (the edited members' old summaries, <see cref="EarlyCutoff"/>) each record
/// reaches through records that are not: an answer built on them holds once each of those is found to read as
/// before. Memoized per record, and only records the edit touches are walked (any that reaches a presumed one is
/// touched). Without recursion: records chain as deep as the answers built on each other. A cycle among the
/// records leaves a set unknown (<see cref="Complete"/> false), and then nothing is kept before every check is done.
/// </summary>
internal sealed class PresumedLeaves
{
    private readonly HashSet<AnswerDeps> _presumed;
    private readonly EditedCode _edited;
    private readonly Dictionary<AnswerDeps, AnswerDeps[]> _below = new();

    public PresumedLeaves(HashSet<AnswerDeps> presumed, EditedCode edited)
    {
        _presumed = presumed;
        _edited = edited;
    }

    /// <summary>False once a cycle was met: a set found on it may miss what the cycle reaches.</summary>
    public bool Complete { get; private set; } = true;

    /// <summary>The presumed records the record's own uses reach through records that are not presumed.</summary>
    public AnswerDeps[] Below(AnswerDeps root)
    {
        if (_below.TryGetValue(root, out var known))
        {
            return known;
        }

        var path = new Stack<(AnswerDeps Record, int Next)>();
        var onPath = new HashSet<AnswerDeps> { root };
        path.Push((root, 0));
        while (path.Count > 0)
        {
            var (record, next) = path.Pop();
            if (next < record.Used.Count)
            {
                path.Push((record, next + 1));
                var used = record.Used[next];
                if (_presumed.Contains(used) || _below.ContainsKey(used) || !_edited.Touches(used))
                {
                    continue;
                }

                if (onPath.Add(used)) path.Push((used, 0));
                else Complete = false;
                continue;
            }

            HashSet<AnswerDeps>? leaves = null;
            foreach (var used in record.Used)
            {
                if (_presumed.Contains(used))
                {
                    (leaves ??= new HashSet<AnswerDeps>()).Add(used);
                }
                else if (_below.TryGetValue(used, out var reached))
                {
                    foreach (var leaf in reached) (leaves ??= new HashSet<AnswerDeps>()).Add(leaf);
                }
            }

            _below[record] = leaves is null ? System.Array.Empty<AnswerDeps>() : leaves.ToArray();
            onPath.Remove(record);
        }

        return _below[root];
    }
}
