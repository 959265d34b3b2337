using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAnalyzers.CodeFixes.Common;

/// <summary>
/// Adds a generated helper class to a project, once: in the project's root namespace (the global one when it
/// has none), in a new document beside the project file, written for the project's language version (nullable
/// annotations from C# 8, a file-scoped namespace from C# 10 when the fixed document uses one or none).
/// </summary>
internal static class HelperDocuments
{
    public static async Task<(Solution Solution, INamedTypeSymbol Type)?> EnsureAsync(Document fixedDocument, HelperTemplate template,
        CancellationToken cancellationToken)
    {
        var project = fixedDocument.Project;
        var ns = string.IsNullOrWhiteSpace(project.DefaultNamespace) ? null : project.DefaultNamespace;
        var existing = await FindAsync(project, ns, template, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return (project.Solution, existing);
        }

        var root = await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || project.ParseOptions is not CSharpParseOptions parse)
        {
            return null;
        }

        var text = Render(template, ns, parse.LanguageVersion, FileScoped(root, parse.LanguageVersion), Layout.NewLineOf(root));
        var fixedText = await fixedDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var name = UniqueName(project, template.TypeName);
        var folder = project.FilePath is null ? null : Path.GetDirectoryName(project.FilePath);
        // Saved as the document being fixed is: same encoding and checksum.
        var added = project.AddDocument(name, SourceText.From(text, fixedText.Encoding, fixedText.ChecksumAlgorithm), folders: null,
            filePath: folder is null ? null : Path.Combine(folder, name));
        var type = await FindAsync(added.Project, ns, template, cancellationToken).ConfigureAwait(false);
        return type is null ? null : (added.Project.Solution, type);
    }

    private static async Task<INamedTypeSymbol?> FindAsync(Project project, string? ns, HelperTemplate template, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return null;
        }

        foreach (var symbol in compilation.GetSymbolsWithName(template.TypeName, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is INamedTypeSymbol { IsStatic: true } type
                && (type.ContainingNamespace.IsGlobalNamespace ? ns is null : type.ContainingNamespace.ToDisplayString() == ns)
                && type.GetMembers(template.MemberName).Any())
            {
                return type;
            }
        }

        return null;
    }

    private static string UniqueName(Project project, string typeName)
    {
        var taken = new HashSet<string>(project.Documents.Select(d => d.Name), StringComparer.OrdinalIgnoreCase);
        var name = typeName + ".cs";
        for (var i = 2; taken.Contains(name); i++)
        {
            name = typeName + i + ".cs";
        }

        return name;
    }

    private static bool FileScoped(SyntaxNode root, LanguageVersion version)
    {
        if (version < LanguageVersion.CSharp10)
        {
            return false;
        }

        return !root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<NamespaceDeclarationSyntax>().Any();
    }

    private static string Render(HelperTemplate template, string? ns, LanguageVersion version, bool fileScoped, string newLine)
    {
        var nullable = version >= LanguageVersion.CSharp8;
        var lines = new List<string>();
        if (nullable && template.Members.Any(member => member.Contains(HelperTemplate.NullableMark)))
        {
            lines.Add("#nullable enable");
            lines.Add("");
        }

        lines.AddRange(template.Usings.Select(u => "using " + u + ";"));
        lines.Add("");
        var body = new List<string> { "/// <summary>" };
        body.AddRange(template.Summary.Split('\n').Select(line => "/// " + line));
        body.Add("/// </summary>");
        body.Add("internal static class " + template.TypeName);
        body.Add("{");
        body.AddRange(template.Members.Select(member => member.Length == 0 ? "" : "    " + member.Replace(HelperTemplate.NullableMark, nullable ? "?" : "")));
        body.Add("}");

        if (ns is null)
        {
            lines.AddRange(body);
        }
        else if (fileScoped)
        {
            lines.Add("namespace " + ns + ";");
            lines.Add("");
            lines.AddRange(body);
        }
        else
        {
            lines.Add("namespace " + ns);
            lines.Add("{");
            lines.AddRange(body.Select(line => line.Length == 0 ? "" : "    " + line));
            lines.Add("}");
        }

        return string.Join(newLine, lines) + newLine;
    }
}
