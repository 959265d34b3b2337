using System.Linq;
using System.Text;

namespace ExfilAnalyzers.Benchmarks.Report;

/// <summary>The IDE case: one edited file of the largest generated compilation, re-analysed.</summary>
internal static class IdeSection
{
    public static void Write(StringBuilder text, BenchmarkResult result)
    {
        var scale = result.Scales[^1];
        var edits = result.Ide[0].Edits;
        text.AppendLine($"## IDE case: one edited file re-analysed in the {scale}× compilation ({edits} edits, medians)").AppendLine();
        var table = new MarkdownTable("Suite", "Analyzer time", "Worst edit", "Wall (incl. binding)", "Compiler alone on the file", "Findings in the edited files", "Analyzer exceptions");
        foreach (var ide in result.Ide)
        {
            table.Row(ide.Suite.Name, Format.Milliseconds(ide.AnalyzerTime), Format.Milliseconds(ide.WorstAnalyzerTime), Format.Milliseconds(ide.Wall),
                Format.Milliseconds(ide.CompilerOnly), Format.Count(ide.Findings), Format.Count(ide.Exceptions.Length));
        }

        text.AppendLine(table.ToString());
        text.AppendLine("Each edit replaces one service file with a version that has one more line, builds a fresh CompilationWithAnalyzers on the new "
            + "compilation, and asks for that file's semantic diagnostics (GetAnalyzerSemanticDiagnosticsAsync), as the IDE does after a keystroke. "
            + "Wall includes the compiler binding the file; the compiler alone is shown for comparison.").AppendLine();
    }
}
