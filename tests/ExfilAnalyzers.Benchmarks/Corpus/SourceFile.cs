namespace ExfilAnalyzers.Benchmarks.Corpus;

/// <summary>One C# file of a corpus: a path for reports and the text the compiler parses.</summary>
internal sealed record SourceFile(string Path, string Text)
{
    public int LineCount
    {
        get
        {
            var lines = 1;
            foreach (var c in Text)
            {
                if (c == '\n')
                {
                    lines++;
                }
            }

            return lines;
        }
    }
}
