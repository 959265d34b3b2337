using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Validation;

/// <summary>
/// Reductions of what the benchmark's real corpus showed (docs/validation.md): each false positive,
/// and each real flow the rules missed, as the smallest code that shows it.
/// </summary>
public class RealCorpusRegressionTests
{
    private const string Events = """
        using System.Collections.Generic;
        using System.Diagnostics.Tracing;
        using System.Text;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        sealed class Events : EventSource
        {
            public static readonly Events Log = new();
            public void Changed(string what) => WriteEvent(1, what);
            public void Changed() => WriteEvent(2);
        }

        """;

    /// <summary>Group A: the key selects an entry; the entry holds nothing of the key.</summary>
    [Fact]
    public Task A_value_looked_up_by_a_sensitive_key_does_not_carry_the_key()
    {
        return VerifyAsync(Events + """
            sealed class ProjectSettings
            {
                public string Label = "default";
            }

            static class Settings
            {
                private static readonly Dictionary<ProjectId, ProjectSettings> ByProject = new();
                private static readonly Dictionary<string, string> ByName = new();

                public static void Touch(Project project)
                {
                    if (ByProject.TryGetValue(project.Id, out var settings))
                    {
                        Events.Log.Changed(settings.Label);
                    }

                    Events.Log.Changed(ByName.GetValueOrDefault(project.Name) ?? "none");
                    Events.Log.Changed(ByName[project.Name]);
                }
            }
            """);
    }

    /// <summary>
    /// A map keyed by sensitive data: a look-up returns its values, which hold nothing of the keys
    /// (Workspace.cs: <c>dictionary[project.OutputFilePath] = project.Id</c>, then look-ups by path).
    /// </summary>
    [Fact]
    public Task A_look_up_in_a_map_keyed_by_sensitive_data_does_not_return_the_keys()
    {
        return VerifyAsync(Events + """
            static class Outputs
            {
                public static void Index(Solution solution, string path)
                {
                    var byOutput = new Dictionary<string, ProjectId>();
                    var labels = new Dictionary<string, string>();
                    foreach (var project in solution.Projects)
                    {
                        byOutput[project.OutputFilePath ?? ""] = project.Id;
                        labels.Add(project.Name, "label");
                    }

                    if (byOutput.TryGetValue(path, out var id))
                    {
                        Events.Log.Changed(solution.GetProject(id)!.Language);
                    }

                    Events.Log.Changed(labels[path]);
                    if (labels.TryGetValue(path, out var label))
                    {
                        Events.Log.Changed(label);
                    }

                    Events.Log.Changed(labels.GetValueOrDefault(path) ?? "");
                }
            }
            """);
    }

    /// <summary>The keys themselves still leak: enumerated, through Keys, or with the whole map.</summary>
    [Fact]
    public Task The_keys_of_a_map_still_leak_when_enumerated_or_sent_whole()
    {
        return VerifyAsync(Events + """
            static class Outputs
            {
                public static void Index(Solution solution)
                {
                    var counts = new Dictionary<string, int>();
                    foreach (var project in solution.Projects)
                    {
                        counts[project.Name] = 1;
                    }

                    Events.Log.Changed({|EXF1003:string.Join(",", counts.Keys)|});
                    foreach (var pair in counts)
                    {
                        Events.Log.Changed({|EXF1003:pair.Key|});
                    }

                    Events.Log.Changed({|EXF1003:System.Text.Json.JsonSerializer.Serialize(counts)|});
                }
            }
            """);
    }

    /// <summary>What the dictionary holds is still tainted when a tainted value was put in it, whatever the key.</summary>
    [Fact]
    public Task A_value_looked_up_in_a_dictionary_of_sensitive_values_is_tainted()
    {
        return VerifyAsync(Events + """
            static class Settings
            {
                public static void Touch(Project project, string key)
                {
                    var byKey = new Dictionary<string, string> { ["name"] = project.Name };
                    if (byKey.TryGetValue(key, out var name))
                    {
                        Events.Log.Changed({|EXF1003:name|});
                    }

                    Events.Log.Changed({|EXF1003:byKey.GetValueOrDefault(key)|});
                }
            }
            """);
    }

    /// <summary>
    /// Group C: a handle (a solution, a project, a symbol) that an unmodelled call returns does not carry
    /// what the call was given: its content is read through its source members, which are labelled.
    /// </summary>
    [Fact]
    public Task A_handle_derived_from_tainted_data_carries_nothing()
    {
        return VerifyAsync(Events + """
            static class Projects
            {
                public static void Log(Solution solution, Project project)
                {
                    var key = new ProjectInfoKey(project.FilePath ?? "");
                    var found = solution.GetProject(key.Id);
                    var forked = solution.WithProjectAssemblyName(key.Id, key.Path);
                    Events.Log.Changed(found!.Language);
                    Events.Log.Changed(forked.Workspace.Kind ?? "");
                    Events.Log.Changed({|EXF1003:forked.GetProject(key.Id)!.Name|});
                }
            }

            sealed class ProjectInfoKey
            {
                public ProjectInfoKey(string path) => Path = path;
                public string Path { get; }
                public ProjectId Id => ProjectId.CreateFromSerialized(System.Guid.Empty, Path);
            }
            """);
    }

    /// <summary>A type the user fills is data, not a handle, even when a model reads it: it keeps what was put in it.</summary>
    [Fact]
    public Task A_fillable_object_built_from_tainted_data_stays_tainted()
    {
        return VerifyAsync(Events + """
            sealed class Payload
            {
                public string Text { get; set; } = "";
                public override string ToString() => Text;
            }

            static class Projects
            {
                public static Payload Wrap(string text) => new Payload { Text = text };

                public static void Log(Project project)
                {
                    var payload = Wrap(project.Name);
                    Events.Log.Changed({|EXF1003:payload.ToString()|});
                }
            }
            """);
    }

    /// <summary>Group B: an identity test of two objects tests whether something changed, not what the data says.</summary>
    [Fact]
    public Task An_identity_comparison_of_objects_is_not_a_keyword_trigger()
    {
        return VerifyAsync(Events + """
            sealed class State
            {
                public string Text = "";
                public State With(int version) => version == 0 ? this : new State();
            }

            static class Store
            {
                public static void Update(Project project, int version)
                {
                    var current = new State { Text = project.Name };
                    var next = current.With(version);
                    if (current == next)
                    {
                        return;
                    }

                    Events.Log.Changed();
                }
            }
            """);
    }

    /// <summary>
    /// Two sensitive values compared with each other check sameness or change, not a keyword
    /// (SymbolEquivalenceComparer: <c>x.Name == y.Name</c>; SolutionState: a document's name against the new one).
    /// </summary>
    [Fact]
    public Task Comparing_two_sensitive_values_is_not_a_keyword_trigger()
    {
        return VerifyAsync(Events + """
            static class Comparer
            {
                public static void Compare(ISymbol x, ISymbol y, Document document, string newName)
                {
                    if (x.Name == y.Name)
                    {
                        Events.Log.Changed();
                    }

                    if (document.Name == document.Project.Name)
                    {
                        return;
                    }

                    Events.Log.Changed();
                }
            }
            """);
    }

    /// <summary>A comparison of the text itself still is one.</summary>
    [Fact]
    public Task A_comparison_of_sensitive_text_is_still_a_keyword_trigger()
    {
        return VerifyAsync(Events + """
            static class Store
            {
                public static void Update(Project project)
                {
                    if (project.Name != "Secret")
                    {
                        return;
                    }

                    {|EXF1004:Events.Log.Changed()|};
                }
            }
            """);
    }

    /// <summary>
    /// Group D: a helper that tests its own source reports that itself; its caller, which gives it only
    /// a parameter, must not repeat it as a trigger "from a parameter".
    /// </summary>
    [Fact]
    public Task A_callee_keyword_trigger_is_reported_once_where_the_source_is_tested()
    {
        return VerifyAsync(Events + """
            static class Store
            {
                public static void Check(string value, ISymbol symbol)
                {
                    if (value != symbol.Name)
                    {
                        return;
                    }

                    {|EXF1004:Events.Log.Changed()|};
                }

                public static void Caller(string value, ISymbol symbol) => Check(value, symbol);
            }
            """);
    }

    /// <summary>The caller that hands the helper its source still gets the trigger, named after that source.</summary>
    [Fact]
    public Task A_caller_whose_source_the_callee_tests_is_reported_with_that_source()
    {
        return VerifyAsync(Events + """
            static class Store
            {
                public static void Check(string value)
                {
                    if (!{|#2:value.StartsWith("Secret")|})
                    {
                        return;
                    }

                    Events.Log.Changed();
                }

                public static void Caller(Project project) => {|#0:Check({|#1:project.Name|})|};
            }
            """,
            Diagnostic("EXF1004").WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("EventSource.WriteEvent", "repository metadata", "Project.Name"));
    }

    /// <summary>
    /// A name check around a call triggers that callee's own sends, not every sink its arguments reach
    /// further down (OrdinaryMethodReferenceFinder: <c>IsDeconstructMethod(symbol) ? FindDocumentsAsync(project, ...)</c>).
    /// </summary>
    [Fact]
    public Task A_content_test_triggers_the_callees_own_sinks_not_those_further_down()
    {
        return VerifyAsync(Events + """
            static class Finder
            {
                public static void Find(ISymbol symbol, Project project)
                {
                    if (symbol.Name == "Deconstruct")
                    {
                        Search(project.Language);
                    }

                    if (symbol.Name == "GetAwaiter")
                    {
                        {|EXF1004:Announce()|};
                    }
                }

                private static void Search(string language) => Log(language);

                private static void Log(string message) => Events.Log.Changed(message);

                private static void Announce() => Client.TrackEvent("awaiter");

                private static readonly TelemetryClient Client = new();
            }
            """);
    }

    /// <summary>
    /// Group E (Sentry's FileDiagnosticLogger): what a logger writes to its file is not in the
    /// options object that holds the logger, nor in what is later built from those options.
    /// </summary>
    [Fact]
    public Task A_write_to_a_writer_held_in_a_member_does_not_fill_its_owner()
    {
        return VerifyAsync(Events + """
            sealed class FileLogger
            {
                private readonly System.IO.StreamWriter _writer = new("diagnostics.log");
                public void Log(string message) => _writer.WriteLine(message);
            }

            sealed class Options
            {
                public FileLogger Logger { get; } = new();
                public string Release = "1.0";
            }

            static class Sdk
            {
                static void Init(Options options) => options.Logger.Log("cache in " + System.IO.Directory.GetCurrentDirectory());

                static string Describe(Options options) => "release " + options.Release;

                public static void Start(TelemetryClient client)
                {
                    var options = new Options();
                    Init(options);
                    client.TrackEvent(Describe(options));
                }
            }
            """);
    }

    /// <summary>A writer whose text is read back still carries it to whoever reads it.</summary>
    [Fact]
    public Task A_writer_held_in_a_member_still_carries_what_is_read_back_from_it()
    {
        return VerifyAsync(Events + """
            sealed class Buffer
            {
                private readonly System.IO.StringWriter _text = new();
                public void Add(string message) => _text.Write(message);
                public string Text => _text.ToString();
            }

            static class Sdk
            {
                public static void Start(TelemetryClient client)
                {
                    var buffer = new Buffer();
                    buffer.Add(System.IO.Directory.GetCurrentDirectory());
                    client.TrackEvent({|EXF1003:buffer.Text|});
                }
            }
            """);
    }

    /// <summary>A character copy through a conditional keeps the text (the generated corpus's Normalize).</summary>
    [Fact]
    public Task A_character_copy_through_a_conditional_keeps_the_taint()
    {
        return VerifyAsync(Events + """
            public sealed class Reporter
            {
                private readonly TelemetryClient _telemetry = new();

                public void OnSymbolSelected(ISymbol symbol)
                {
                    var builder = new StringBuilder();
                    foreach (var c in symbol.Name)
                    {
                        builder.Append(c == '_' ? ' ' : c);
                    }

                    _telemetry.TrackTrace({|EXF1002:builder.ToString()|});
                }
            }
            """);
    }

    /// <summary>
    /// Group F: Roslyn's <c>SolutionState.WithDocumentName(id, name)</c> returns early when
    /// <c>state.Attributes.Name == name</c>, and <c>WithDocumentFolders</c> when
    /// <c>state.Folders.SequenceEqual(folders)</c>: the new value against the one it replaces, a change check.
    /// </summary>
    [Fact]
    public Task A_new_value_compared_with_the_stored_one_it_replaces_is_not_a_keyword_trigger()
    {
        return VerifyAsync("using System.Linq;\n" + Events + """
            sealed class Attributes
            {
                public string Name = "";
            }

            sealed class DocumentState
            {
                public Attributes Attributes = new();
                public IReadOnlyList<string> Folders = new List<string>();
            }

            sealed class SolutionState
            {
                private readonly Dictionary<DocumentId, DocumentState> _documents = new();

                public SolutionState WithDocumentName(DocumentId id, string name)
                {
                    var state = _documents[id];
                    if (state.Attributes.Name == name)
                    {
                        return this;
                    }

                    Events.Log.Changed();
                    return new SolutionState();
                }

                public SolutionState WithDocumentFolders(DocumentId id, IReadOnlyList<string> folders)
                {
                    var state = _documents[id];
                    if (state.Folders.SequenceEqual(folders))
                    {
                        return this;
                    }

                    Events.Log.Changed();
                    return new SolutionState();
                }
            }

            sealed class Renamer
            {
                public SolutionState Rename(SolutionState solution, Document document)
                {
                    return solution.WithDocumentName(document.Id, document.Name).WithDocumentFolders(document.Id, document.Folders);
                }
            }
            """);
    }

    /// <summary>
    /// Its twins: a keyword kept in a field of the matcher itself, or stored under another name, is
    /// still what the user's code is tested against.
    /// </summary>
    [Fact]
    public Task A_value_compared_with_a_keyword_kept_in_a_field_is_still_a_keyword_trigger()
    {
        return VerifyAsync(Events + """
            sealed class Options
            {
                public string Keyword = "ConnectionString";
            }

            sealed class Matcher
            {
                private readonly string _name = "Secret";
                private readonly Options _options = new();

                private void Matches(string name)
                {
                    if (name == _name)
                    {
                        Events.Log.Changed();
                    }
                }

                private void Mentions(string name)
                {
                    if (_options.Keyword.Equals(name))
                    {
                        Events.Log.Changed();
                    }
                }

                public void Scan(Document document)
                {
                    {|EXF1004:Matches(document.Name)|};
                    {|EXF1004:Mentions(document.Name)|};
                }

                public void Look(ISymbol symbol, string[] keywords)
                {
                    foreach (var name in keywords)
                    {
                        if (symbol.Name == name)
                        {
                            {|EXF1004:Events.Log.Changed()|};
                        }
                    }
                }
            }
            """);
    }

    /// <summary>
    /// Group G (Application Insights, 11 findings while setters were being fixed): <c>TelemetryClient.Initialize</c>
    /// sets <c>telemetry.Context.Internal.NodeName</c> to the host name through a setter that stores
    /// <c>value</c> in a field; the operation's id, read from the same telemetry item and logged, does not
    /// carry it. The node name read back from the object it was stored in still does.
    /// </summary>
    [Fact]
    public Task A_value_stored_by_a_setter_stays_in_its_property_not_the_whole_object()
    {
        return VerifyAsync(Events + """
            sealed class InternalContext
            {
                private string _nodeName = "";
                public string NodeName { get => _nodeName; set => _nodeName = value; }
            }

            sealed class OperationContext
            {
                public string Id { get; set; } = "";
            }

            sealed class Context
            {
                public InternalContext Internal { get; } = new();
                public OperationContext Operation { get; } = new();
            }

            sealed class Telemetry
            {
                public Context Context { get; } = new();
            }

            static class Client
            {
                public static void Initialize(Telemetry telemetry)
                {
                    telemetry.Context.Internal.NodeName = System.Net.Dns.GetHostName();
                    Events.Log.Changed(telemetry.Context.Operation.Id);

                    var node = telemetry.Context.Internal;
                    node.NodeName = System.Net.Dns.GetHostName();
                    Events.Log.Changed({|EXF1003:node.NodeName|});
                }
            }
            """);
    }
}
