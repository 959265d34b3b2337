using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAudit.Inputs;

/// <summary>
/// An ExfilModels.txt handed to the analyzers as an additional file. The analyzers recognise the file by
/// its name, so a models file of another name is shown to them under an alias path that ends in
/// ExfilModels.txt; reports map the alias back to the real file.
/// </summary>
internal sealed class ModelsText : AdditionalText
{
    /// <summary>The name SPEC.md gives the models file.</summary>
    public const string FileName = "ExfilModels.txt";

    private readonly string _realPath;
    private SourceText? _text;

    public ModelsText(string realPath, string path)
    {
        _realPath = realPath;
        Path = path;
    }

    public override string Path { get; }

    /// <summary>The file the user wrote, where <see cref="Path"/> may be an alias.</summary>
    public string RealPath => _realPath;

    public static bool IsModelsFile(string path) =>
        string.Equals(System.IO.Path.GetFileName(path), FileName, System.StringComparison.OrdinalIgnoreCase);

    public override SourceText? GetText(CancellationToken cancellationToken = default)
    {
        if (_text is null)
        {
            using var stream = File.OpenRead(_realPath);
            _text = SourceText.From(stream);
        }

        return _text;
    }
}
