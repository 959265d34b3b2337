using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;

namespace ExfilAnalyzers.Models;

/// <summary>One row of BuiltInModels.txt: a behaviour for some members of one type.</summary>
internal sealed record ModelRow(MemberModelTemplate Template, string TypeName, ImmutableArray<string> Members);

/// <summary>A behaviour with its arguments, before it is bound to a member's display name.</summary>
internal sealed record MemberModelTemplate(ModelBehaviour Behaviour, TaintLabel Label, Handle Handle, Obfuscation Obfuscation, SinkKind SinkKind);

/// <summary>
/// BuiltInModels.txt, parsed once per process. Compilation-independent: <see cref="ModelCatalog"/>
/// binds it to symbols.
/// </summary>
internal sealed class ModelTable
{
    private static readonly Lazy<ModelTable> LazyBuiltIn = new(LoadBuiltIn);

    private ModelTable(ImmutableArray<ModelRow> rows, ImmutableDictionary<string, ImmutableHashSet<string>> lists, ImmutableArray<string> errors)
    {
        Rows = rows;
        Lists = lists;
        Errors = errors;
        RepositoryVariables = List("repository-variable", StringComparer.OrdinalIgnoreCase);
        OptOutSuffixes = List("opt-out-suffix", StringComparer.OrdinalIgnoreCase);
        OptInSuffixes = List("opt-in-suffix", StringComparer.OrdinalIgnoreCase);
        SourceExtensions = List("source-extension", StringComparer.OrdinalIgnoreCase);
        NetworkProcesses = List("network-process", StringComparer.OrdinalIgnoreCase);
        GitProcesses = List("git-process", StringComparer.OrdinalIgnoreCase);
    }

    public static ModelTable BuiltIn => LazyBuiltIn.Value;

    public ImmutableArray<ModelRow> Rows { get; }

    public ImmutableDictionary<string, ImmutableHashSet<string>> Lists { get; }

    /// <summary>Lines that did not parse. The built-in file has none; a test keeps it so.</summary>
    public ImmutableArray<string> Errors { get; }

    public ImmutableHashSet<string> RepositoryVariables { get; }

    public ImmutableHashSet<string> OptOutSuffixes { get; }

    public ImmutableHashSet<string> OptInSuffixes { get; }

    public ImmutableHashSet<string> SourceExtensions { get; }

    public ImmutableHashSet<string> NetworkProcesses { get; }

    public ImmutableHashSet<string> GitProcesses { get; }

    public static ModelTable Parse(string text)
    {
        var rows = ImmutableArray.CreateBuilder<ModelRow>();
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var errors = ImmutableArray.CreateBuilder<string>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var hash = rawLine.IndexOf('#');
            var line = (hash >= 0 ? rawLine.Substring(0, hash) : rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (IsListName(words[0]))
            {
                if (!lists.TryGetValue(words[0], out var items))
                {
                    lists[words[0]] = items = new List<string>();
                }

                for (var i = 1; i < words.Length; i++)
                {
                    items.Add(words[i]);
                }

                continue;
            }

            if (words.Length < 3 || !TryParseTemplate(words[0], out var template))
            {
                errors.Add($"line {lineNumber}: cannot parse '{line}'");
                continue;
            }

            rows.Add(new ModelRow(template, words[1], ImmutableArray.Create(words, 2, words.Length - 2)));
        }

        var builtLists = ImmutableDictionary.CreateBuilder<string, ImmutableHashSet<string>>(StringComparer.Ordinal);
        foreach (var pair in lists)
        {
            builtLists[pair.Key] = pair.Value.ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
        }

        return new ModelTable(rows.ToImmutable(), builtLists.ToImmutable(), errors.ToImmutable());
    }

    private static bool IsListName(string word) => word is "repository-variable" or "opt-out-suffix" or "opt-in-suffix"
        or "source-extension" or "network-process" or "git-process";

    private static bool TryParseTemplate(string spec, out MemberModelTemplate template)
    {
        template = null!;
        var parts = spec.Split(':');
        var label = TaintLabel.None;
        var handle = Handle.None;
        var obfuscation = Obfuscation.None;
        var sinkKind = SinkKind.Telemetry;
        ModelBehaviour behaviour;
        bool ok;
        switch (parts[0])
        {
            case "source": behaviour = ModelBehaviour.Source; ok = parts.Length == 2 && TaintLabels.TryParse(parts[1], out label); break;
            case "source-from-handle": behaviour = ModelBehaviour.SourceFromHandle; ok = parts.Length == 3 && Handles.TryParse(parts[1], out handle) && TaintLabels.TryParse(parts[2], out label); break;
            case "handle": behaviour = ModelBehaviour.HandleSource; ok = parts.Length == 2 && Handles.TryParse(parts[1], out handle); break;
            case "environment": behaviour = ModelBehaviour.Environment; ok = parts.Length == 1; break;
            case "file-read": behaviour = ModelBehaviour.FileRead; ok = parts.Length == 1; break;
            case "file-list": behaviour = ModelBehaviour.FileList; ok = parts.Length == 1; break;
            case "process-start": behaviour = ModelBehaviour.ProcessStart; sinkKind = SinkKind.Process; ok = parts.Length == 1; break;
            case "sanitizer": behaviour = ModelBehaviour.Sanitizer; ok = parts.Length == 1; break;
            case "hash": behaviour = ModelBehaviour.Hash; ok = parts.Length == 1; break;
            case "hash-from-handle": behaviour = ModelBehaviour.HashFromHandle; ok = parts.Length == 2 && Handles.TryParse(parts[1], out handle); break;
            case "obfuscate": behaviour = ModelBehaviour.Obfuscate; ok = parts.Length == 2 && Obfuscations.TryParse(parts[1], out obfuscation); break;
            case "obfuscate-from-handle": behaviour = ModelBehaviour.ObfuscateFromHandle; ok = parts.Length == 3 && Handles.TryParse(parts[1], out handle) && Obfuscations.TryParse(parts[2], out obfuscation); break;
            case "wrapper": behaviour = ModelBehaviour.Wrapper; ok = parts.Length == 1 || (parts.Length == 2 && Obfuscations.TryParse(parts[1], out obfuscation)); break;
            case "content-test": behaviour = ModelBehaviour.ContentTest; ok = parts.Length == 1; break;
            case "content-probe": behaviour = ModelBehaviour.ContentProbe; ok = parts.Length == 1; break;
            case "clean": behaviour = ModelBehaviour.Clean; ok = parts.Length == 1; break;
            case "endpoint-carrier": behaviour = ModelBehaviour.EndpointCarrier; ok = parts.Length == 1; break;
            case "decode": behaviour = ModelBehaviour.Decode; ok = parts.Length == 1; break;
            case "emptiness-test": behaviour = ModelBehaviour.EmptinessTest; ok = parts.Length == 1; break;
            case "sink": behaviour = ModelBehaviour.Sink; ok = parts.Length == 2 && Enum.TryParse(parts[1], out sinkKind); break;
            case "sink-on-handle": behaviour = ModelBehaviour.SinkOnHandle; ok = parts.Length == 3 && Handles.TryParse(parts[1], out handle) && Enum.TryParse(parts[2], out sinkKind); break;
            case "sink-setter": behaviour = ModelBehaviour.SinkSetter; ok = parts.Length == 2 && Enum.TryParse(parts[1], out sinkKind); break;
            case "sink-collection": behaviour = ModelBehaviour.SinkCollection; ok = parts.Length == 2 && Enum.TryParse(parts[1], out sinkKind); break;
            case "sink-collection-of-given": behaviour = ModelBehaviour.SinkCollectionGiven; ok = parts.Length == 2 && Enum.TryParse(parts[1], out sinkKind); break;
            default: return false;
        }

        if (ok)
        {
            template = new MemberModelTemplate(behaviour, label, handle, obfuscation, sinkKind);
        }

        return ok;
    }

    private static ModelTable LoadBuiltIn()
    {
        using var stream = typeof(ModelTable).Assembly.GetManifestResourceStream("ExfilAnalyzers.BuiltInModels.txt");
        if (stream is null)
        {
            return Parse(string.Empty);
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private ImmutableHashSet<string> List(string name, StringComparer comparer) =>
        Lists.TryGetValue(name, out var items) ? items.WithComparer(comparer) : ImmutableHashSet.Create<string>(comparer);
}
