using System.Collections.Generic;
using System.Collections.Immutable;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Whether a type, known only by the simple names written in it, may be a function: the relevance
/// filter's stand-in, by name, for <see cref="StateCarriers"/>' reading of the bound type. It errs
/// towards yes (an Action inside a list counts), since a no hides a stored callback from the filter.
/// </summary>
internal static class FunctionTypes
{
    private static readonly HashSet<string> Framework = new(System.StringComparer.Ordinal)
    {
        "Action", "Func", "Predicate", "Comparison", "Converter", "Delegate", "MulticastDelegate", "ThreadStart", "ParameterizedThreadStart",
    };

    /// <param name="typeNames">The simple names in the type's syntax.</param>
    /// <param name="delegates">The delegate types the compilation declares.</param>
    public static bool Names(ImmutableArray<string> typeNames, HashSet<string> delegates)
    {
        foreach (var name in typeNames)
        {
            if (Framework.Contains(name) || delegates.Contains(name)
                || name.EndsWith("Handler", System.StringComparison.Ordinal) || name.EndsWith("Callback", System.StringComparison.Ordinal)
                || name.EndsWith("Delegate", System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
