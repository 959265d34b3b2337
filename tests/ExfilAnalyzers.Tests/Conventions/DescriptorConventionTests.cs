using System.Collections.Generic;
using System.IO;
using System.Linq;
using ExfilAnalyzers.Models;
using ExfilAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ExfilAnalyzers.Tests.Conventions;

/// <summary>Every diagnostic has a docs page, a release-tracking entry and a help link that points at the page.</summary>
public class DescriptorConventionTests
{
    public static IEnumerable<object[]> Descriptors() =>
        AnalyzerRunner.All.SelectMany(a => a.SupportedDiagnostics).Select(d => new object[] { d.Id });

    private static DiagnosticDescriptor Descriptor(string id) =>
        AnalyzerRunner.All.SelectMany(a => a.SupportedDiagnostics).Single(d => d.Id == id);

    [Fact]
    public void The_package_reports_exactly_the_ids_of_the_spec()
    {
        var ids = AnalyzerRunner.All.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).OrderBy(id => id).ToArray();
        Assert.Equal(new[] { "EXF0001", "EXF1001", "EXF1002", "EXF1003", "EXF1004", "EXF1005", "EXF1006", "EXF1007" }, ids);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Has_a_docs_page_with_the_required_sections(string id)
    {
        var page = RepositoryFiles.PathOf("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id + ": " + Descriptor(id).Title, text);
        foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix violations", "## How to suppress violations" })
        {
            Assert.Contains(section, text);
        }
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Help_link_points_at_its_docs_page(string id)
    {
        Assert.Equal("https://github.com/ExfilAnalyzers/ExfilAnalyzers/blob/main/docs/rules/" + id + ".md", Descriptor(id).HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Is_tracked_in_the_release_notes_with_its_severity(string id)
    {
        var notes = RepositoryFiles.Read("src", "ExfilAnalyzers", "AnalyzerReleases.Unshipped.md")
            + RepositoryFiles.Read("src", "ExfilAnalyzers", "AnalyzerReleases.Shipped.md");
        var descriptor = Descriptor(id);
        var severity = descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity.ToString() : "Disabled";
        Assert.Contains($"{id} | {descriptor.Category} | {severity} |", notes);
    }

    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Is_in_the_readme_rules_table(string id)
    {
        Assert.Contains($"[{id}](docs/rules/{id}.md)", RepositoryFiles.Read("README.md"));
    }

    [Fact]
    public void Built_in_models_parse_without_errors()
    {
        Assert.Empty(ModelTable.BuiltIn.Errors);
        Assert.True(ModelTable.BuiltIn.Rows.Length > 100);
    }
}
