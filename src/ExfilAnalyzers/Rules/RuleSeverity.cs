using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExfilAnalyzers.Rules;

/// <summary>Whether a rule that is off by default has been turned on anywhere in a compilation.</summary>
internal static class RuleSeverity
{
    public static bool MayBeOn(Compilation compilation, AnalyzerOptions options, DiagnosticDescriptor descriptor)
    {
        if (descriptor.IsEnabledByDefault)
        {
            return true;
        }

        if (compilation.Options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var specific))
        {
            return specific != ReportDiagnostic.Suppress;
        }

        var provider = compilation.Options.SyntaxTreeOptionsProvider;
        if (provider is null)
        {
            return false;
        }

        if (provider.TryGetGlobalDiagnosticValue(descriptor.Id, default, out var global) && global != ReportDiagnostic.Suppress)
        {
            return true;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider.TryGetDiagnosticValue(tree, descriptor.Id, default, out var perTree) && perTree != ReportDiagnostic.Suppress)
            {
                return true;
            }
        }

        return false;
    }
}
