using System.Collections.Generic;
using System.Linq;
using ExfilAnalyzers.Flow;
using ExfilAnalyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ExfilAnalyzers.Tests.Verifiers;

/// <summary>
/// A project and its next compilation after one file is edited as the editor does (a text change on the
/// old text, so the tree knows what changed), each with the flow engine on it: for tests of what the
/// engine carries from one compilation to the next. Each test names its own project, as the engine's
/// memory across compilations is keyed by it.
/// </summary>
internal static class EditedProject
{
    /// <summary>
    /// The two compilations' engines; <paramref name="analyse"/> runs on the first before the edit, as the
    /// IDE analyses the project before the keystroke.
    /// </summary>
    public static (FlowContext Before, FlowContext After) Edit(string project, IEnumerable<(string Path, string Text)> files, string path, string text,
        string replacement, System.Action<FlowContext> analyse)
    {
        var compilation = Compile(project, files);
        var before = Engine(compilation);
        analyse(before);
        return (before, EditAgain(compilation, path, text, replacement));
    }

    /// <summary>The engine on the compilation with one more edit of one file, as the editor makes it.</summary>
    public static FlowContext EditAgain(Compilation compilation, string path, string text, string replacement)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var old = tree.GetText();
        var at = old.ToString().IndexOf(text, System.StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is in {path}");
        var edited = tree.WithChangedText(old.WithChanges(new TextChange(new TextSpan(at, text.Length), replacement)));
        return Engine(compilation.ReplaceSyntaxTree(tree, edited));
    }

    /// <summary>The project, which compiles without errors.</summary>
    public static Compilation Compile(string project, IEnumerable<(string Path, string Text)> files)
    {
        var compilation = CSharpCompilation.Create(project, files.Select(f => CSharpSyntaxTree.ParseText(f.Text, path: f.Path)), TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    /// <summary>The same code, parsed again, in a project of its own: nothing to carry from.</summary>
    public static Compilation FreshCopy(Compilation compilation, string project) =>
        CSharpCompilation.Create(project, compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), path: t.FilePath)),
            compilation.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>The engine on the same code in a project of its own.</summary>
    public static FlowContext Fresh(Compilation compilation) => Engine(FreshCopy(compilation, compilation.AssemblyName + "Fresh"));

    private static FlowContext Engine(Compilation compilation) => new(compilation, ModelCatalog.Create(compilation, ModelTable.BuiltIn, null), null);
}
