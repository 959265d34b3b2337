using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using ExfilAnalyzers.Benchmarks.Inputs;

namespace ExfilAnalyzers.Benchmarks.Corpus;

/// <summary>
/// The real corpus: every assembly of the packages downloaded with the role "corpus", decompiled, each
/// one a project compiled against its dependencies.
/// </summary>
internal static class RealCorpus
{
    public static ImmutableArray<CorpusProject> Load(BenchmarkInputs inputs, string cacheRoot, Func<DownloadedPackage, bool> include, TextWriter log,
        CancellationToken cancellationToken)
    {
        var catalog = new ReferenceCatalog(inputs);
        var searchFolders = catalog.SearchFolders().ToList();
        var projects = ImmutableArray.CreateBuilder<CorpusProject>();
        foreach (var package in inputs.WithRole(PackageRole.Corpus).Where(include))
        {
            foreach (var assembly in package.Assemblies())
            {
                var name = Path.GetFileNameWithoutExtension(assembly);
                if (name.EndsWith(".CodeFixers", StringComparison.Ordinal) || name.EndsWith(".CodeFixes", StringComparison.Ordinal))
                {
                    // An analyzer package's code fixes need Workspaces in another version: its analyzers are enough.
                    continue;
                }

                var cache = Path.Combine(cacheRoot, $"{package.Id}.{package.Version}", name);
                var clock = Stopwatch.StartNew();
                var files = AssemblyDecompilation.Decompile(assembly, cache, searchFolders, cancellationToken);
                var unresolved = new SortedSet<string>(StringComparer.Ordinal);
                var references = catalog.For(ReferenceCatalog.ReferencedNames(assembly), unresolved);
                var project = new CorpusProject($"{name} {package.Version}", files, references);
                log.WriteLine($"  {project.Name}: {files.Length} files, {project.LineCount:N0} lines ({clock.Elapsed.TotalSeconds:F1} s)"
                    + (unresolved.Count > 0 ? $"; no package for {string.Join(", ", unresolved)}" : string.Empty));
                projects.Add(project);
            }
        }

        return projects.ToImmutable();
    }
}
