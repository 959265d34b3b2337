using System.Linq;
using System.Text;
using ExfilAnalyzers.Benchmarks.Measurement;

namespace ExfilAnalyzers.Benchmarks.Report;

/// <summary>The IDE case on the real corpus: a keystroke in files of code we did not write.</summary>
internal static class RealEditSection
{
    public static void Write(StringBuilder text, BenchmarkResult result)
    {
        text.AppendLine("### IDE case on the real corpus: one edited file re-analysed").AppendLine();
        var peers = result.RealEdits[0].Peers.Select(p => p.Suite).ToList();
        var table = new MarkdownTable(new[] { "Project", "File", "Characters", "Edit", "ExfilAnalyzers", "Bodies bound", "Flow analyses", "Field values", "Taken over", "Summaries taken over", "Sending answers taken over", "Kept by early cutoff", "Analyzer exceptions" }
            .Concat(peers).ToArray());
        foreach (var edit in result.RealEdits)
        {
            table.Row(new[]
                {
                    edit.Project, edit.File, Format.Count(edit.Characters), edit.Edit, Format.Milliseconds(edit.AddedCpu), Format.Count(edit.Bodies),
                    Format.Count(edit.FlowAnalyses), Format.Count(edit.FieldValues), Format.Count(edit.CarriedValues), Format.Count(edit.CarriedSummaries),
                    Format.Count(edit.CarriedSendingAnswers), Format.Count(edit.CutoffAnswers), Format.Count(edit.Exceptions),
                }
                .Concat(edit.Peers.Select(p => Format.Milliseconds(p.AddedCpu))).ToArray());
        }

        text.AppendLine(table.ToString());
        var within = result.RealEdits.Count(e => e.AddedCpu < TargetsSection.EditBudget);
        text.AppendLine($"In each project, three files (the median, the third quartile and the fifth largest by length, of those with a method body, not generated) are "
            + "opened (analysed once from nothing, as after the solution is loaded, not counted), then edited three times, each edit re-analysed alone on a fresh CompilationWithAnalyzers as after a keystroke "
            + "(as in the IDE case of the generated corpus): a line typed in the first method body, a method of a new name added to the first class, and "
            + "an overload of that method added after it (a name the code already mentions); the last two change the declarations. Times: each suite's CPU time minus the driver's alone on the same edit, one run each; bodies bound, flow analyses and field values "
            + "computed are our engine's work; Taken over: the field values, the methods' summaries, and the members' \"sends nothing\" and \"sends\", taken from the compilation before instead of "
            + "made again (those that nothing the edit changed touches: a declaration edit also rebinds what mentions a name it redeclares); Kept by early cutoff: of those, the answers "
            + "the edit touched only through the edited member's summaries, kept because its new summaries read as the old ones did. "
            + $"{within} of {result.RealEdits.Length} edits took us less than {TargetsSection.EditBudget.TotalMilliseconds:F0} ms (the generated corpus's target, not set for this case).")
            .AppendLine();
    }
}
