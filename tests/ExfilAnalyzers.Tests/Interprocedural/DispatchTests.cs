using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Interprocedural;

/// <summary>Calls through interfaces, virtual members, delegates and events land on their implementations in the compilation.</summary>
public class DispatchTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task Interface_and_virtual_calls_follow_every_implementation()
    {
        return VerifyAsync(Usings + """
            interface IDiagnosticsAgent { void Record(string detail); }

            sealed class QuietAgent : IDiagnosticsAgent { public void Record(string detail) { } }

            sealed class PerformanceDiagnosticsAgent : IDiagnosticsAgent
            {
                private static readonly TelemetryClient Client = new();
                public void Record(string detail) => Client.TrackTrace(detail);
            }

            abstract class Exporter { public abstract void Export(string item); }

            sealed class CloudExporter : Exporter
            {
                private static readonly TelemetryClient Client = new();
                public override void Export(string item) => Client.TrackEvent(item);
            }

            class Host
            {
                void OnSymbol(IDiagnosticsAgent agent, Exporter exporter, ISymbol symbol)
                {
                    agent.Record({|EXF1002:symbol.Name|});
                    exporter.Export({|EXF1002:symbol.MetadataName|});
                    agent.Record("constant");
                }
            }
            """);
    }

    /// <summary>A record's members are found by its syntax, not its symbols (which would create them all): its overrides are still targets.</summary>
    [Fact]
    public Task Virtual_calls_land_on_overrides_declared_in_records()
    {
        return VerifyAsync(Usings + """
            abstract record Report(string Title) { public abstract void Publish(string detail); }

            sealed record CloudReport(string Title) : Report(Title)
            {
                private static readonly TelemetryClient Client = new();
                public override void Publish(string detail) => Client.TrackTrace(Title + detail);
            }

            sealed record LocalReport(string Title) : Report(Title)
            {
                public override void Publish(string detail) { }
                public override string ToString() => Title;
            }

            class Host
            {
                void OnSymbol(Report report, ISymbol symbol)
                {
                    report.Publish({|EXF1002:symbol.Name|});
                    report.Publish(report.ToString());
                }
            }
            """);
    }

    /// <summary>
    /// A record's synthesized ToString has no code of its own to follow: it must not take one of the few
    /// places a call through an interface has for its targets (they were full here, and the implementation
    /// that reads a user name was left out).
    /// </summary>
    [Fact]
    public Task Synthesized_record_members_do_not_crowd_out_real_overrides()
    {
        var records = "interface ILabelled { string ToString(); }\n"
            + string.Concat(Enumerable.Range(0, 9).Select(i => $"record Point{i}(int X) : ILabelled;\n"));
        return VerifyAsync(Usings + records + """
            sealed class Account : ILabelled
            {
                public override string ToString() => Environment.UserName;
            }

            class Host
            {
                private static readonly TelemetryClient Client = new();

                void Label(ILabelled item) => Client.TrackEvent({|EXF1003:item.ToString()|});
            }
            """);
    }

    /// <summary>
    /// An interface implemented by a base's virtual member: what runs for a derived type is its
    /// override (here a record's, of the base record's synthesized ToString).
    /// </summary>
    [Fact]
    public Task Interface_calls_reach_overrides_of_an_inherited_implementation()
    {
        return VerifyAsync(Usings + """
            interface ILabelled { string ToString(); }
            abstract record Entity : ILabelled;
            record Point(int X) : Entity;

            sealed record Account : Entity
            {
                public override string ToString() => Environment.UserName;
            }

            class Host
            {
                private static readonly TelemetryClient Client = new();

                void Label(ILabelled item) => Client.TrackEvent({|EXF1003:item.ToString()|});

                void Describe(Entity item) => Client.TrackEvent({|EXF1003:item.ToString()|});
            }
            """);
    }

    /// <summary>
    /// ToString on a plain object may land in any type of the code base. Following the first few overrides
    /// found made findings come and go with the order types are declared in (on the real corpus, an ETW
    /// message formatted from an object was reported through an unrelated DiagnosticData.ToString);
    /// the model of object.ToString speaks instead.
    /// </summary>
    [Fact]
    public Task ToString_on_a_plain_object_is_not_dispatched_to_every_override()
    {
        return VerifyAsync(Usings + """
            sealed class Account
            {
                public override string ToString() => Environment.UserName;
            }

            class Host
            {
                private static readonly TelemetryClient Client = new();

                void Describe(object item) => Client.TrackEvent(item.ToString());

                void DescribeAccount(Account account) => Client.TrackEvent({|EXF1003:account.ToString()|});
            }
            """);
    }

    [Fact]
    public Task Stored_lambdas_callbacks_and_events()
    {
        return VerifyAsync(Usings + """
            sealed class Pipeline
            {
                private static readonly TelemetryClient Client = new();
                private readonly Action<string> _sink = text => Client.TrackTrace(text);
                public event EventHandler<string> Analyzed;

                public Pipeline() => Analyzed += (sender, name) => Client.TrackEvent(name);

                public void Run(SyntaxNode node, ISymbol symbol, Func<string, string> describe)
                {
                    _sink({|EXF1001:node.ToString()|});
                    Action<string> later = value => Client.TrackTrace({|EXF1002:value|});
                    later(symbol.Name);
                    Analyzed?.Invoke(this, {|EXF1002:symbol.ToDisplayString()|});
                    Analyzed?.Invoke(this, "constant");
                    Notify(Send, {|EXF1002:symbol.MetadataName|});
                }

                private static void Notify(Action<string> callback, string value) => callback(value);

                private static void Send(string value) => Client.TrackTrace(value);
            }
            """);
    }

    /// <summary>
    /// A callback handed to a method that stores it, by a member that sees no sensitive data itself, and
    /// invoked where the data is: the hidden-sender shape. One that only logs locally, or an invocation
    /// with a constant, reports nothing.
    /// </summary>
    [Fact]
    public Task A_callback_registered_through_a_method_is_followed_to_where_it_is_invoked()
    {
        return VerifyAsync(Usings + """
            sealed class Plugin
            {
                private Action<string> _onAnalyzed = _ => { };
                public void OnAnalyzed(Action<string> callback) => _onAnalyzed = callback;
                public void Analyze(ISymbol symbol) => _onAnalyzed({|EXF1002:symbol.Name|});
                public void Started() => _onAnalyzed("started");

                private Func<string, System.Threading.Tasks.Task> _onSaved = _ => System.Threading.Tasks.Task.CompletedTask;
                public void OnSaved(Func<string, System.Threading.Tasks.Task> callback) => _onSaved = callback;
                public System.Threading.Tasks.Task Save(ISymbol symbol) => _onSaved({|EXF1002:symbol.Name|});
            }

            sealed class QuietPlugin
            {
                private Action<string> _onLog = _ => { };
                public void OnLog(Action<string> callback) => _onLog = callback;
                public void Analyze(ISymbol symbol) => _onLog(symbol.Name);
            }

            sealed class Installer
            {
                private static readonly TelemetryClient Client = new();

                public void Install(Plugin plugin, QuietPlugin quiet)
                {
                    plugin.OnAnalyzed(text => Client.TrackTrace(text));
                    plugin.OnSaved(text => { Client.TrackTrace(text); return System.Threading.Tasks.Task.CompletedTask; });
                    quiet.OnLog(text => Console.WriteLine(text));
                }
            }
            """);
    }

    /// <summary>
    /// A virtual method stored as a function: the base does nothing, the override it lands on sends. A
    /// field's value drops a function that does nothing, which must not be decided from the base alone.
    /// </summary>
    [Fact]
    public Task A_method_group_stored_in_a_field_runs_the_override_it_may_land_on()
    {
        return VerifyAsync(Usings + """
            class Step
            {
                public virtual void Run(string text) => Count(text.Length);
                private static void Count(int length) { }
            }

            sealed class Report : Step
            {
                private static readonly TelemetryClient Client = new();
                public override void Run(string text) => Client.TrackTrace(text);
            }

            sealed class Host
            {
                private readonly Action<string> _run;
                public Host(Step step) => _run = step.Run;
                public void Go(ISymbol symbol) => _run({|EXF1002:symbol.Name|});
            }
            """);
    }

    /// <summary>
    /// A function that computes a value, stored by a lazy-value helper's constructor: fields are one value
    /// for all instances, so following the functions its callers pass would hand one instance's result
    /// (a node's text) to every other's reader (a count sent to telemetry). Roslyn's AsyncLazy has this shape
    /// on the benchmark's real corpus: what a lambda argument returns is not kept as the field's data.
    /// </summary>
    [Fact]
    public Task A_computed_value_stored_by_a_helper_is_not_joined_across_instances()
    {
        return VerifyAsync(Usings + """
            sealed class Deferred<T>
            {
                private readonly Func<T> _compute;
                public Deferred(Func<T> compute) => _compute = compute;
                public T Value => _compute();
            }

            sealed class Reports
            {
                private static readonly TelemetryClient Client = new();

                public int Measure(SyntaxNode node) => new Deferred<string>(() => node.ToString()).Value.Length;

                public void Count() => Client.TrackEvent(new Deferred<string>(() => "42").Value);
            }
            """);
    }
}
