using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>The exfil_analyzers.* options that decide whether a fix would silence its diagnostic at all.</summary>
internal static class FixOptions
{
    public static ExfilOptions For(Document document, SyntaxTree tree) =>
        ExfilOptions.Read(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree));
}
