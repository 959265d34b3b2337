using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using ExfilAudit.Analysis;

namespace ExfilAudit.Reports;

/// <summary>
/// A self-contained HTML page (no file or network it needs besides itself): a summary table, then each
/// finding with its flow, and the code around every step of it.
/// </summary>
internal static class HtmlReport
{
    private const int ContextLines = 2;

    public static void Write(AuditResult result, TextWriter html)
    {
        html.WriteLine("<!DOCTYPE html>");
        html.WriteLine("<html lang=\"en\">");
        html.WriteLine("<head>");
        html.WriteLine("<meta charset=\"utf-8\">");
        html.WriteLine($"<title>{E(ToolInfo.Name)}: {E(result.Input.Description)}</title>");
        html.WriteLine("<style>");
        html.WriteLine(HtmlReportAssets.Style);
        html.WriteLine("</style>");
        html.WriteLine("</head>");
        html.WriteLine($"<body data-findings=\"{result.Findings.Count}\">");
        html.WriteLine($"<header><h1>{E(ToolInfo.Name)} {E(ToolInfo.Version)}</h1><p class=\"input\">{E(result.Input.Description)}</p>");
        if (result.Input.Notes.Count > 0)
        {
            html.WriteLine("<ul class=\"notes\">");
            foreach (var note in result.Input.Notes)
            {
                html.WriteLine($"<li>{E(note)}</li>");
            }

            html.WriteLine("</ul>");
        }

        html.WriteLine("</header>");
        WriteSummary(result, html);
        html.WriteLine("<main id=\"findings\">");
        var number = 0;
        foreach (var finding in result.Findings)
        {
            WriteFinding(finding, ++number, result.Sources, html);
        }

        html.WriteLine("</main>");
        html.WriteLine("<script>");
        html.WriteLine(HtmlReportAssets.Script);
        html.WriteLine("</script>");
        html.WriteLine("</body>");
        html.WriteLine("</html>");
    }

    private static void WriteSummary(AuditResult result, TextWriter html)
    {
        html.WriteLine("<section id=\"summary\"><h2>Summary</h2>");
        if (result.Findings.Count == 0)
        {
            html.WriteLine("<p class=\"clean\">No findings.</p></section>");
            return;
        }

        html.WriteLine("<table><thead><tr><th>Rule</th><th>Title</th><th>Findings</th></tr></thead><tbody>");
        foreach (var rule in result.Findings.GroupBy(f => f.RuleId))
        {
            html.WriteLine($"<tr><td><code>{E(rule.Key)}</code></td><td>{E(rule.First().Title)}</td><td class=\"count\">{rule.Count()}</td></tr>");
        }

        html.WriteLine("</tbody></table>");
        html.WriteLine("<label>Show rule <select id=\"rule-filter\"><option value=\"\">all</option>");
        foreach (var rule in result.Findings.Select(f => f.RuleId).Distinct())
        {
            html.WriteLine($"<option>{E(rule)}</option>");
        }

        html.WriteLine("</select></label> <span id=\"shown-count\"></span></section>");
    }

    private static void WriteFinding(Finding finding, int number, SourceLibrary sources, TextWriter html)
    {
        var severity = Finding.SeverityName(finding.Severity);
        html.WriteLine($"<section class=\"finding {severity}\" id=\"finding-{number}\" data-rule=\"{E(finding.RuleId)}\">");
        html.WriteLine($"<h3><span class=\"rule\">{E(finding.RuleId)}</span> {E(finding.Message)}</h3>");
        var where = finding.Primary is { } primary ? primary.ToString() : "no file";
        var suppressed = finding.SuppressedInSource ? " · suppressed in source" : string.Empty;
        html.WriteLine($"<p class=\"where\">{E(where)} · {severity}{suppressed} · {E(finding.Title)}</p>");
        var steps = finding.Path.IsEmpty && finding.Primary is { } only
            ? new[] { new FlowStep(FlowStep.Sink, only) }
            : finding.Path.ToArray();
        html.WriteLine("<ol class=\"flow\">");
        foreach (var step in steps)
        {
            html.WriteLine($"<li class=\"step {step.Role}\"><div class=\"step-head\"><span class=\"role\">{E(step.Role)}</span> <code>{E(step.Spot.ToString())}</code></div>");
            WriteCode(step.Spot, sources, html);
            html.WriteLine("</li>");
        }

        html.WriteLine("</ol>");
        html.WriteLine("</section>");
    }

    private static void WriteCode(SourceSpot spot, SourceLibrary sources, TextWriter html)
    {
        var count = sources.LineCount(spot.FullPath);
        if (count == 0)
        {
            return;
        }

        var first = System.Math.Max(1, spot.StartLine - ContextLines);
        var last = System.Math.Min(count, spot.EndLine + ContextLines);
        html.Write("<pre class=\"code\">");
        for (var line = first; line <= last; line++)
        {
            var hit = line >= spot.StartLine && line <= spot.EndLine ? " hit" : string.Empty;
            var number = line.ToString(CultureInfo.InvariantCulture);
            html.Write($"<span class=\"line{hit}\"><span class=\"ln\">{number}</span>{E(sources.Line(spot.FullPath, line))}</span>");
        }

        html.WriteLine("</pre>"); // each line is a block, so no line breaks between them
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
