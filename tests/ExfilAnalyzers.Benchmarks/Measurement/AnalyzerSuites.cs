using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using ExfilAnalyzers.Benchmarks.Inputs;
using ExfilAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Benchmarks.Measurement;

/// <summary>The analyzers the benchmark measures: ours, built from source, and the peers, loaded from their packages.</summary>
internal static class AnalyzerSuites
{
    /// <summary>The taint rules of Microsoft.CodeAnalysis.NetAnalyzers: off by default, turned on for the benchmark.</summary>
    public static readonly ImmutableArray<string> NetAnalyzersTaintRules =
        Enumerable.Range(3001, 12).Select(n => $"CA{n}").ToImmutableArray();

    public static AnalyzerSuite Ours() =>
        new("ExfilAnalyzers", ImmutableArray.Create<DiagnosticAnalyzer>(new ExfilFlowAnalyzer(), new ModelsFileAnalyzer()), IsOurs: true);

    /// <summary>The analyzers of NetAnalyzers that report one of the taint rules; the package's other rules are not ours to compare.</summary>
    public static AnalyzerSuite NetAnalyzersTaint(BenchmarkInputs inputs, ICollection<string> loadErrors)
    {
        var all = Load(inputs.Package("Microsoft.CodeAnalysis.NetAnalyzers"), Path.Combine("analyzers", "dotnet", "cs"), loadErrors);
        var taint = all.Where(a => a.SupportedDiagnostics.Any(d => NetAnalyzersTaintRules.Contains(d.Id))).ToImmutableArray();
        return new AnalyzerSuite("NetAnalyzers CA3001-CA3012", taint, IsOurs: false);
    }

    /// <summary>Every analyzer of Security Code Scan: its taint analysis is the engine its other rules share.</summary>
    public static AnalyzerSuite SecurityCodeScan(BenchmarkInputs inputs, ICollection<string> loadErrors) =>
        new("SecurityCodeScan", Load(inputs.Package("SecurityCodeScan.VS2019"), Path.Combine("analyzers", "dotnet"), loadErrors), IsOurs: false);

    private static ImmutableArray<DiagnosticAnalyzer> Load(DownloadedPackage package, string folder, ICollection<string> loadErrors)
    {
        var loader = new PeerAssemblyLoader(package.Id);
        var directory = Path.Combine(package.Folder, folder);
        var dlls = Directory.GetFiles(directory, "*.dll");
        foreach (var dll in dlls)
        {
            loader.AddDependencyLocation(dll);
        }

        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var dll in dlls)
        {
            var reference = new AnalyzerFileReference(dll, loader);
            reference.AnalyzerLoadFailed += (_, e) => loadErrors.Add($"{package.Id}: {Path.GetFileName(dll)}: {e.Message}");
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
        }

        if (analyzers.Count == 0)
        {
            throw new InvalidOperationException($"{package.DisplayName} has no C# analyzers in {directory}.");
        }

        return analyzers.ToImmutable();
    }
}
