using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Flow;

/// <summary>
/// What decides how code binds, beyond the code itself: every tree's declarations, the references,
/// the options, and the models. Two compilations with the same fingerprint bind an unchanged tree the
/// same way, so what was learnt by binding it in one holds in the other (in the IDE, successive edits
/// inside method bodies).
/// </summary>
internal static class DeclarationFingerprint
{
    public static long Of(Compilation compilation, Models.ModelCatalog catalog, CancellationToken cancellationToken)
    {
        unchecked
        {
            var hash = OfAllButTrees(compilation, catalog);
            foreach (var tree in compilation.SyntaxTrees)
            {
                hash = (hash * 1_000_003) ^ TreeIndex.For(tree, cancellationToken).DeclarationHash;
            }

            return hash;
        }
    }

    /// <summary>The fingerprint without the trees' declarations, which carrying answers compares tree by tree (<see cref="CarryConditions"/>).</summary>
    public static long OfAllButTrees(Compilation compilation, Models.ModelCatalog catalog)
    {
        unchecked
        {
            // Identities, not values: the IDE keeps the options object while the project's options stay the
            // same, and the command-line compiler's options cannot even compute a hash of their value.
            var hash = (long)RuntimeHelpers.GetHashCode(compilation.Options);
            hash = (hash * 1_000_003) ^ (compilation.AssemblyName?.GetHashCode() ?? 0);
            hash = (hash * 1_000_003) ^ catalog.UserModelsHash;

            // The IDE hands successive compilations the same reference objects; a rebuilt reference is a new one.
            foreach (var reference in compilation.References)
            {
                hash = (hash * 1_000_003) ^ RuntimeHelpers.GetHashCode(reference);
            }

            return hash;
        }
    }
}
