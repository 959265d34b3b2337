using System.Globalization;

namespace ExfilAnalyzers.Benchmarks.Generated;

/// <summary>A feature's model: the plain data and logic that most of any code base is, with no source and no sink.</summary>
internal static class ModelTemplate
{
    public static string Text(int module)
    {
        var n = module.ToString(CultureInfo.InvariantCulture);
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace Contoso.Assistant.Feature{{n}};

            public enum Feature{{n}}State
            {
                Idle,
                Collecting,
                Ranking,
                Done,
                Failed,
            }

            public sealed record Suggestion(string Label, double Score, int Line);

            public sealed class Feature{{n}}Model
            {
                private readonly List<Suggestion> _suggestions = new List<Suggestion>();
                private readonly Func<Suggestion, bool> _filter;

                public Feature{{n}}Model(Func<Suggestion, bool>? filter = null)
                {
                    _filter = filter ?? (s => s.Score > 0.1);
                }

                public Feature{{n}}State State { get; private set; }

                public int Count => _suggestions.Count;

                public event EventHandler<Feature{{n}}State>? StateChanged;

                public void Add(string label, double score, int line)
                {
                    if (State is Feature{{n}}State.Done or Feature{{n}}State.Failed)
                    {
                        throw new InvalidOperationException("The model is closed.");
                    }

                    Move(Feature{{n}}State.Collecting);
                    var suggestion = new Suggestion(label, score, line);
                    if (_filter(suggestion))
                    {
                        _suggestions.Add(suggestion);
                    }
                }

                public IReadOnlyList<Suggestion> Rank(int take)
                {
                    Move(Feature{{n}}State.Ranking);
                    var ranked = _suggestions
                        .GroupBy(s => s.Label, StringComparer.Ordinal)
                        .Select(g => g.OrderByDescending(s => s.Score).First())
                        .OrderByDescending(s => s.Score)
                        .ThenBy(s => s.Line)
                        .Take(take)
                        .ToList();
                    Move(Feature{{n}}State.Done);
                    return ranked;
                }

                public double AverageScore() => _suggestions.Count == 0 ? 0 : _suggestions.Average(s => s.Score);

                public string Describe(Feature{{n}}State state) => state switch
                {
                    Feature{{n}}State.Idle => "idle",
                    Feature{{n}}State.Collecting => "collecting",
                    Feature{{n}}State.Ranking => "ranking",
                    Feature{{n}}State.Done => "done",
                    _ => "failed",
                };

                public void Fail()
                {
                    _suggestions.Clear();
                    Move(Feature{{n}}State.Failed);
                }

                private void Move(Feature{{n}}State next)
                {
                    if (State != next)
                    {
                        State = next;
                        StateChanged?.Invoke(this, next);
                    }
                }
            }
            """;
    }
}
