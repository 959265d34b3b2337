using System;

namespace ExfilAnalyzers.Models;

/// <summary>The grammar of one ExfilModels.txt line; says what is wrong and what a right line looks like.</summary>
internal static class ModelsLine
{
    internal readonly record struct LineError(int Column, int Length, string Message);

    internal readonly record struct Result(UserModelEntry? Entry, LineError? Error);

    private static readonly Result Blank = new(null, null);

    public static Result Parse(string line)
    {
        var content = StripComment(line);
        var words = Words(content);
        if (words.Length == 0)
        {
            return Blank;
        }

        var (kindText, kindColumn) = words[0];
        switch (kindText)
        {
            case "source":
                return ParseSource(words, content);
            case "sink":
                return ParseSymbol(UserModelKind.Sink, words, allowType: true);
            case "sanitizer":
                return ParseSymbol(UserModelKind.Sanitizer, words, allowType: false);
            case "gate":
                return ParseSymbol(UserModelKind.Gate, words, allowType: false);
            case "endpoint":
                return ParseEndpoint(words);
            default:
                return Fail(kindColumn, kindText.Length,
                    $"Unknown kind '{kindText}'; a line starts with source, sink, sanitizer, gate or endpoint, {ModelsFile.ExampleFor(UserModelKind.Sink)}");
        }
    }

    private static Result ParseSource((string Text, int Column)[] words, string content)
    {
        if (words.Length < 2)
        {
            return Fail(0, content.TrimEnd().Length,
                $"A source needs a category and a symbol ID: SourceText, SymbolName or RepositoryMetadata, {ModelsFile.ExampleFor(UserModelKind.Source)}");
        }

        var (categoryText, categoryColumn) = words[1];
        if (!TaintLabels.TryParse(categoryText, out var label))
        {
            return Fail(categoryColumn, categoryText.Length,
                $"Unknown category '{categoryText}'; use SourceText, SymbolName or RepositoryMetadata, {ModelsFile.ExampleFor(UserModelKind.Source)}");
        }

        if (words.Length < 3)
        {
            return Fail(words[0].Column, categoryColumn + categoryText.Length - words[0].Column,
                $"'source {categoryText}' needs a documentation-comment ID, {ModelsFile.ExampleFor(UserModelKind.Source)}");
        }

        var rest = new (string, int)[words.Length - 1];
        Array.Copy(words, 1, rest, 0, rest.Length);
        var parsed = ParseSymbol(UserModelKind.Source, rest, allowType: false);
        return parsed.Entry is { } entry ? new Result(entry with { Label = label }, null) : parsed;
    }

    private static Result ParseSymbol(UserModelKind kind, (string Text, int Column)[] words, bool allowType)
    {
        var (kindText, kindColumn) = words[0];
        if (words.Length < 2)
        {
            return Fail(kindColumn, kindText.Length, $"'{kindText}' needs a documentation-comment ID, {ModelsFile.ExampleFor(kind)}");
        }

        var (id, idColumn) = words[1];
        if (words.Length > 2)
        {
            var (junk, junkColumn) = words[2];
            return Fail(junkColumn, junk.Length, $"Unexpected '{junk}' after '{id}'; one entry a line, {ModelsFile.ExampleFor(kind)}");
        }

        if (id.Length < 3 || id[1] != ':' || "MPFTE".IndexOf(id[0]) < 0)
        {
            return Fail(idColumn, id.Length,
                $"'{id}' is not a documentation-comment ID; it starts with M:, P:, F:, E: or T:, {ModelsFile.ExampleFor(kind)}");
        }

        if (id[0] == 'T' && !allowType)
        {
            return Fail(idColumn, 2, $"A type ID ('T:') is allowed for sink only; name a member with M:, P: or F:, {ModelsFile.ExampleFor(kind)}");
        }

        if (!IsWellFormedId(id))
        {
            return Fail(idColumn, id.Length, $"'{id}' is not a well-formed documentation-comment ID, {ModelsFile.ExampleFor(kind)}");
        }

        return new Result(new UserModelEntry(kind, TaintLabel.None, id), null);
    }

    private static Result ParseEndpoint((string Text, int Column)[] words)
    {
        var (kindText, kindColumn) = words[0];
        if (words.Length < 2)
        {
            return Fail(kindColumn, kindText.Length, $"'endpoint' needs an absolute URI, {ModelsFile.ExampleFor(UserModelKind.Endpoint)}");
        }

        var (uri, uriColumn) = words[1];
        if (words.Length > 2)
        {
            var (junk, junkColumn) = words[2];
            return Fail(junkColumn, junk.Length, $"Unexpected '{junk}' after '{uri}'; one endpoint a line, {ModelsFile.ExampleFor(UserModelKind.Endpoint)}");
        }

        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host))
        {
            return Fail(uriColumn, uri.Length, $"'{uri}' is not an absolute URI with a host, {ModelsFile.ExampleFor(UserModelKind.Endpoint)}");
        }

        return new Result(new UserModelEntry(UserModelKind.Endpoint, TaintLabel.None, uri), null);
    }

    private static bool IsWellFormedId(string id)
    {
        var depth = 0;
        for (var i = 2; i < id.Length; i++)
        {
            var c = id[i];
            if (c is '(' or '{' or '[') depth++;
            else if (c is ')' or '}' or ']') depth--;
            else if (!(char.IsLetterOrDigit(c) || c is '.' or '_' or '`' or ',' or '#' or '@' or '*' or '~' or '<' or '>' or '-' or '?' or '&' or '$'))
            {
                return false;
            }

            if (depth < 0) return false;
        }

        return depth == 0 && id[id.Length - 1] != '.';
    }

    private static string StripComment(string line)
    {
        // '#' starts a comment at the start of a line or after white space; inside an ID it is
        // part of an explicit interface implementation's name (M:C.System#IDisposable#Dispose).
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line.Substring(0, i);
            }
        }

        return line;
    }

    private static (string Text, int Column)[] Words(string content)
    {
        var words = new System.Collections.Generic.List<(string, int)>();
        var i = 0;
        while (i < content.Length)
        {
            while (i < content.Length && char.IsWhiteSpace(content[i])) i++;
            var start = i;
            while (i < content.Length && !char.IsWhiteSpace(content[i])) i++;
            if (i > start) words.Add((content.Substring(start, i - start), start));
        }

        return words.ToArray();
    }

    private static Result Fail(int column, int length, string message) => new(null, new LineError(column, Math.Max(1, length), message));
}
