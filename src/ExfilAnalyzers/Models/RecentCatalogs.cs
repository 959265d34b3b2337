using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.Models;

/// <summary>
/// The model catalog of each of the few projects analysed most recently, so that the IDE's next
/// compilation of a project (one per keystroke) does not resolve every modelled type again. A catalog
/// is shared only when it is bound to referenced assemblies alone (<see cref="ModelCatalog.BoundToReferencesOnly"/>)
/// and the new compilation binds its models to the very same symbols: same options, the same reference
/// objects resolving to the same assembly symbols, and no source type that takes over a modelled name.
/// Kept per project like the relevance graphs (<see cref="Flow.RecentByProject{T}"/>).
/// </summary>
internal static class RecentCatalogs
{
    private static readonly Flow.RecentByProject<Snapshot> Recent = new();

    /// <summary>The catalog of the compilation: shared with the project's previous compilation when that is exact, otherwise bound afresh.</summary>
    public static ModelCatalog For(Compilation compilation, ModelTable table, UserModels? userModels, CancellationToken cancellationToken)
    {
        if ((userModels is null || userModels.IsEmpty) && Recent.Of(compilation) is { } earlier && earlier.Matches(compilation, table, cancellationToken))
        {
            return earlier.Catalog.Shared();
        }

        var catalog = ModelCatalog.Create(compilation, table, userModels);
        if (catalog.BoundToReferencesOnly)
        {
            Recent.Remember(compilation, new Snapshot(compilation, catalog));
        }

        return catalog;
    }

    /// <summary>Forgets every project: for a benchmark whose runs must each start cold, like a command-line build.</summary>
    public static void Forget() => Recent.Forget();

    /// <summary>What a catalog's binding depended on: the options, the references and the symbols they resolved to.</summary>
    private sealed class Snapshot
    {
        private readonly CompilationOptions _options;
        private readonly MetadataReference[] _references;
        private readonly ISymbol?[] _assemblies;

        // The full and simple names of the modelled types, split once: every keystroke checks them.
        private readonly (string MetadataName, string SimpleName)[] _typeNames;

        public Snapshot(Compilation compilation, ModelCatalog catalog)
        {
            _options = compilation.Options;
            _references = compilation.References.ToArray();
            _assemblies = Array.ConvertAll(_references, compilation.GetAssemblyOrModuleSymbol);
            _typeNames = catalog.ResolvedNames().Distinct(StringComparer.Ordinal).Select(name => (name, SimpleName(name))).ToArray();
            Catalog = catalog;
        }

        public ModelCatalog Catalog { get; }

        public bool Matches(Compilation compilation, ModelTable table, CancellationToken cancellationToken)
        {
            if (!ReferenceEquals(table, Catalog.Table) || !ReferenceEquals(compilation.Options, _options))
            {
                return false;
            }

            var index = 0;
            foreach (var reference in compilation.References)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (index >= _references.Length || !ReferenceEquals(reference, _references[index])
                    || !ReferenceEquals(compilation.GetAssemblyOrModuleSymbol(reference), _assemblies[index]))
                {
                    return false;
                }

                index++;
            }

            return index == _references.Length && !SourceDeclaresAny(compilation);
        }

        /// <summary>True when the compilation's source declares a type of one of the modelled names: it would be resolved instead.</summary>
        private bool SourceDeclaresAny(Compilation compilation)
        {
            var declared = compilation.Assembly.TypeNames;
            foreach (var (metadataName, simpleName) in _typeNames)
            {
                // The simple names filter cheaply; the few that collide are looked up in the source alone.
                if (declared.Contains(simpleName) && compilation.Assembly.GetTypeByMetadataName(metadataName) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private static string SimpleName(string metadataName)
        {
            var start = metadataName.LastIndexOfAny(new[] { '.', '+' }) + 1;
            var arity = metadataName.IndexOf('`', start);
            return arity < 0 ? metadataName.Substring(start) : metadataName.Substring(start, arity - start);
        }
    }
}
