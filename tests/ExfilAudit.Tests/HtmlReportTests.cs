using System.IO;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ExfilAudit.Tests.Infrastructure;
using Xunit;

namespace ExfilAudit.Tests;

public class HtmlReportTests
{
    [Fact]
    public async Task The_page_shows_each_flow_with_the_code_around_each_step_and_needs_nothing_else()
    {
        using var folder = new TempDirectory();
        var (outcome, html) = await AuditToHtmlAsync(folder);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Equal(2, Regex.Matches(html, "<section class=\"finding warning\" id=\"finding-\\d+\" data-rule=\"EXF100[36]\">").Count);
        Assert.Equal(2, Regex.Matches(html, "<li class=\"step source\">").Count);
        Assert.Equal(2, Regex.Matches(html, "<li class=\"step sink\">").Count);

        // The source line, highlighted, with the lines around it; the code is escaped, not markup.
        Assert.Contains("<span class=\"line hit\"><span class=\"ln\">13</span>        var user = Environment.UserName;</span>", html);
        Assert.Contains("<span class=\"line\"><span class=\"ln\">11</span>    public async Task SendAsync()</span>", html);
        Assert.Contains(WebUtility.HtmlEncode("new List<string> { user }"), html);
        Assert.DoesNotContain("new List<string>", html);

        // Self-contained: nothing is loaded from anywhere.
        Assert.DoesNotMatch("<(link|img|iframe)\\b|\\bsrc=|url\\(", html);
    }

    [ChromiumFact]
    public async Task Chromium_renders_the_page_and_its_script_finds_the_flows()
    {
        using var folder = new TempDirectory();
        var (_, _) = await AuditToHtmlAsync(folder);

        var dom = await HeadlessChromium.DumpDomAsync(folder.Combine("report.html"));

        Assert.Contains("data-shown=\"2\"", dom);
        Assert.Contains("2 of 2 shown", dom);
        Assert.Contains("Repository metadata from 'Environment.UserName' reaches 'HttpClient.PostAsync'", WebUtility.HtmlDecode(dom));
        Assert.Equal(2, Regex.Matches(dom, "<li class=\"step source\">").Count);
    }

    private static async Task<(AuditOutcome Outcome, string Html)> AuditToHtmlAsync(TempDirectory folder)
    {
        folder.Write("code/Uploader.cs", LeakySources.Uploader.Replace(
            "var body = new StringContent(user);",
            "var names = new List<string> { user };\n        var body = new StringContent(names[0]);"));
        var report = folder.Combine("report.html");
        var outcome = await AuditHarness.RunAsync(folder.Combine("code"), "--html", report);
        return (outcome, File.ReadAllText(report));
    }
}
