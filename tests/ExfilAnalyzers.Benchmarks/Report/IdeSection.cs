using System.Text;

namespace ExfilAnalyzers.Benchmarks.Report;

/// <summary>The IDE case: one edited file of the largest generated compilation, re-analysed.</summary>
internal static class IdeSection
{
    public static void Write(StringBuilder text, BenchmarkResult result)
    {
        var scale = result.Scales[^1];
        text.AppendLine($"## IDE case: one edited file re-analysed in the {scale}× compilation ({result.Ide[0].Edits} edits, medians)").AppendLine();
        var table = new MarkdownTable("Suite", "Added CPU", "Worst edit", "Next keystroke", "Worst keystroke", "CPU with binding", "Wall", "Driver-logged",
            "Compiler alone on the file", "Findings in the edited files", "Analyzer exceptions");
        foreach (var ide in result.Ide)
        {
            table.Row(ide.Suite.Name, Format.Milliseconds(ide.AddedCpu), Format.Milliseconds(ide.WorstAddedCpu),
                Format.Milliseconds(ide.KeystrokeAddedCpu), Format.Milliseconds(ide.WorstKeystrokeAddedCpu), Format.Milliseconds(ide.Cpu),
                Format.Milliseconds(ide.Wall), Format.Milliseconds(ide.LoggedTime), Format.Milliseconds(ide.CompilerOnly), Format.Count(ide.Findings),
                Format.Count(ide.Exceptions.Length));
        }

        text.AppendLine(table.ToString());
        text.AppendLine("Each edit replaces one service file with a version that has one more line, builds a fresh CompilationWithAnalyzers on the new "
            + "compilation and asks for that file's semantic diagnostics (GetAnalyzerSemanticDiagnosticsAsync), as the IDE does after a keystroke. "
            + "Added CPU: the suite's CPU time minus the driver's alone on the same edit. Next keystroke: then a second line typed in the same file, "
            + "re-analysed the same way (the added CPU), when what was learnt about the unchanged files can be reused. "
            + "CPU with binding, wall and findings are those of the first edit; they include the compiler binding the file.")
            .AppendLine();
    }
}
