using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// One value per project for the few projects analysed most recently, so that the IDE's next
/// compilation of a project can start from what its last one learnt. The most recent project's value
/// is held firmly (alive between keystrokes when nothing else holds it); the others, at most
/// <see cref="Capacity"/> in all, weakly, so that a closed solution is not kept alive by the cache.
/// Projects are told apart by assembly name.
/// </summary>
internal sealed class RecentByProject<T>
    where T : class
{
    private const int Capacity = 4;

    private readonly LinkedList<(string Project, WeakReference<T> Value)> _recent = new();

    private T? _heldFirmly;

    public T? Of(Compilation compilation)
    {
        var project = compilation.AssemblyName ?? "";
        lock (_recent)
        {
            foreach (var (name, value) in _recent)
            {
                if (name == project)
                {
                    return value.TryGetTarget(out var found) ? found : null;
                }
            }
        }

        return null;
    }

    public void Remember(Compilation compilation, T value)
    {
        var project = compilation.AssemblyName ?? "";
        lock (_recent)
        {
            for (var node = _recent.First; node is not null; node = node.Next)
            {
                if (node.Value.Project == project)
                {
                    _recent.Remove(node);
                    break;
                }
            }

            _recent.AddFirst((project, new WeakReference<T>(value)));
            if (_recent.Count > Capacity) _recent.RemoveLast();
            _heldFirmly = value;
        }
    }

    /// <summary>Forgets every project: for a benchmark whose runs must each start cold, like a command-line build.</summary>
    public void Forget()
    {
        lock (_recent)
        {
            _recent.Clear();
            _heldFirmly = null;
        }
    }
}
