using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ExfilAnalyzers.Models;

/// <summary>The kinds of entry an ExfilModels.txt line can hold.</summary>
internal enum UserModelKind
{
    Source,
    Sink,
    Sanitizer,
    Gate,
    Endpoint,
}

/// <summary>One well-formed line of ExfilModels.txt.</summary>
internal sealed record UserModelEntry(UserModelKind Kind, TaintLabel Label, string Value);

/// <summary>A line of ExfilModels.txt that could not be parsed: reported as EXF0001 at <see cref="Span"/>.</summary>
internal sealed record ModelsFileError(TextSpan Span, LinePositionSpan LineSpan, string Message);

/// <summary>
/// One ExfilModels.txt, parsed. Parsing is cached per <see cref="SourceText"/> instance, so a file is
/// parsed once per version of its text however many compilations and analyzers read it.
/// </summary>
internal sealed class ModelsFile
{
    public const string FileName = "ExfilModels.txt";

    private const string Example = "for example 'sink M:Contoso.Telemetry.Client.Send(System.String)'";

    private static readonly ConditionalWeakTable<SourceText, ModelsFile> Cache = new();

    private ModelsFile(string path, ImmutableArray<UserModelEntry> entries, ImmutableArray<ModelsFileError> errors)
    {
        Path = path;
        Entries = entries;
        Errors = errors;
    }

    public string Path { get; }

    public ImmutableArray<UserModelEntry> Entries { get; }

    public ImmutableArray<ModelsFileError> Errors { get; }

    public static bool IsModelsFile(string path) =>
        string.Equals(FileNames.NameOf(path), FileName, StringComparison.OrdinalIgnoreCase);

    public static ModelsFile Get(string path, SourceText text) => Cache.GetValue(text, t => Parse(path, t));

    public static ModelsFile Parse(string path, SourceText text)
    {
        var entries = ImmutableArray.CreateBuilder<UserModelEntry>();
        var errors = ImmutableArray.CreateBuilder<ModelsFileError>();
        if (LooksBinary(text))
        {
            var span = new TextSpan(0, Math.Min(text.Length, 1));
            errors.Add(new ModelsFileError(span, text.Lines.GetLinePositionSpan(span),
                "ExfilModels.txt is not a text file (it contains NUL characters); none of its entries apply"));
            return new ModelsFile(path, entries.ToImmutable(), errors.ToImmutable());
        }

        foreach (var line in text.Lines)
        {
            var lineText = text.ToString(line.Span);
            var parsed = ModelsLine.Parse(lineText);
            if (parsed.Entry is { } entry)
            {
                entries.Add(entry);
            }
            else if (parsed.Error is { } error)
            {
                var start = line.Start + error.Column;
                var span = new TextSpan(start, Math.Max(0, Math.Min(error.Length, line.End - start)));
                errors.Add(new ModelsFileError(span, text.Lines.GetLinePositionSpan(span), error.Message));
            }
        }

        return new ModelsFile(path, entries.ToImmutable(), errors.ToImmutable());
    }

    private static bool LooksBinary(SourceText text)
    {
        var length = Math.Min(text.Length, 8000);
        for (var i = 0; i < length; i++)
        {
            if (text[i] == '\0')
            {
                return true;
            }
        }

        return false;
    }

    internal static string ExampleFor(UserModelKind kind) => kind switch
    {
        UserModelKind.Source => "for example 'source SymbolName P:Contoso.Model.Item.Name'",
        UserModelKind.Sanitizer => "for example 'sanitizer M:Contoso.Privacy.Scrubber.Scrub(System.String)'",
        UserModelKind.Gate => "for example 'gate P:Contoso.Telemetry.Consent.IsGranted'",
        UserModelKind.Endpoint => "for example 'endpoint https://telemetry.contoso.com/'",
        _ => Example,
    };
}
