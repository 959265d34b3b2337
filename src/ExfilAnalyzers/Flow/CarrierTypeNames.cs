using System.Collections.Generic;
using System.Collections.Immutable;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// Whether a type, known only by the simple names written in it, may carry a sink call into the member
/// that reads state of that type: a function, or a stream, writer or network client. The relevance
/// filter's stand-in, by name, for <see cref="StateCarriers"/>' reading of the bound type. It errs
/// towards yes (an Action inside a list counts), since a no hides a stored callback or stream.
/// </summary>
internal static class CarrierTypeNames
{
    private static readonly HashSet<string> Functions = new(System.StringComparer.Ordinal)
    {
        "Action", "Func", "Predicate", "Comparison", "Converter", "Delegate", "MulticastDelegate", "ThreadStart", "ParameterizedThreadStart",
    };

    private static readonly string[] Suffixes = { "Handler", "Callback", "Delegate", "Stream", "Writer", "Socket", "Client" };

    /// <param name="typeNames">The simple names in the type's syntax.</param>
    /// <param name="delegates">The delegate types the compilation declares.</param>
    public static bool MayCarry(ImmutableArray<string> typeNames, HashSet<string> delegates)
    {
        foreach (var name in typeNames)
        {
            if (Functions.Contains(name) || delegates.Contains(name))
            {
                return true;
            }

            foreach (var suffix in Suffixes)
            {
                if (name.EndsWith(suffix, System.StringComparison.Ordinal)) return true;
            }
        }

        return false;
    }
}
