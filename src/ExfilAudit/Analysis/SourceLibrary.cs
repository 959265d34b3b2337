using System;
using System.Collections.Concurrent;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAudit.Analysis;

/// <summary>
/// The text of every file a finding points into, for the lines reports quote: from the compilation when
/// the file is one of its trees (generated code has no file on disk), else from disk.
/// </summary>
internal sealed class SourceLibrary
{
    private readonly ConcurrentDictionary<string, SourceText?> _texts = new(StringComparer.Ordinal);

    public void Add(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath.Length > 0)
            {
                _texts.TryAdd(tree.FilePath, tree.GetText());
            }
        }
    }

    /// <summary>The line, 1-based, without its line break; empty when the file or line is not there.</summary>
    public string Line(string path, int line)
    {
        var text = Text(path);
        return text is null || line < 1 || line > text.Lines.Count ? string.Empty : text.Lines[line - 1].ToString();
    }

    public int LineCount(string path) => Text(path)?.Lines.Count ?? 0;

    private SourceText? Text(string path) => _texts.GetOrAdd(path, Load);

    private static SourceText? Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return SourceText.From(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
