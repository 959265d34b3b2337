using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAnalyzers.Tests.Verifiers;

/// <summary>A file handed to the analyzers as an additional file, the way MSBuild's AdditionalFiles items are.</summary>
internal sealed class FileText : AdditionalText
{
    private readonly SourceText _text;

    public FileText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public static FileText Read(string path) => new(path, File.ReadAllText(path));

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
