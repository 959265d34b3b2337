using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Flow;

/// <summary>
/// An exception's message goes where the exception is caught: a catch that sends the exception sends
/// what was thrown in its try, in the method or in a callee, and nothing that was not.
/// </summary>
public class ExceptionFlowTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        """;

    [Fact]
    public Task A_name_thrown_in_the_try_reaches_the_catch_that_tracks_the_exception()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    try
                    {
                        if (symbol.Kind == SymbolKind.ErrorType)
                        {
                            throw new InvalidOperationException("Cannot resolve " + symbol.Name);
                        }
                    }
                    catch (Exception ex)
                    {
                        client.TrackException({|EXF1002:ex|});
                        client.TrackEvent({|EXF1002:ex.Message|});
                        client.TrackEvent(ex.GetType().Name);
                    }
                }
            }
            """);
    }

    [Fact]
    public Task A_callee_that_throws_a_name_hands_it_to_the_callers_catch()
    {
        return VerifyAsync(Usings + """
            class Resolver
            {
                public static void Resolve(ISymbol symbol)
                {
                    if (symbol.ContainingType is null)
                    {
                        throw new InvalidOperationException($"No containing type for {symbol.Name}");
                    }
                }

                public static void Check(string name)
                {
                    if (name.Length > 100) throw new ArgumentException("Too long: " + name, nameof(name));
                }
            }

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    try
                    {
                        Resolver.Resolve(symbol);
                    }
                    catch (Exception ex)
                    {
                        client.TrackException({|EXF1002:ex|});
                    }

                    try
                    {
                        Resolver.Check(symbol.ToDisplayString());
                    }
                    catch (ArgumentException ex)
                    {
                        client.TrackTrace({|EXF1002:ex.ToString()|});
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Constructors_and_property_getters_throw_too()
    {
        return VerifyAsync(Usings + """
            class Resolved
            {
                private readonly ISymbol _symbol;

                public Resolved(ISymbol symbol)
                {
                    if (symbol.ContainingType is null) throw new ArgumentException("No type for " + symbol.Name);
                    _symbol = symbol;
                }

                public string Kind => _symbol.Kind == SymbolKind.Method ? "method" : throw new NotSupportedException(_symbol.ToDisplayString());
            }

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    try
                    {
                        var resolved = new Resolved(symbol);
                    }
                    catch (ArgumentException ex)
                    {
                        client.TrackException({|EXF1002:ex|});
                    }

                    var known = new Resolved(symbol);
                    try
                    {
                        client.TrackEvent(known.Kind);
                    }
                    catch (NotSupportedException ex)
                    {
                        client.TrackException({|EXF1002:ex|});
                    }
                }
            }
            """);
    }

    [Fact]
    public Task An_exception_passes_through_methods_that_do_not_catch_it_and_a_rethrow()
    {
        return VerifyAsync(Usings + """
            class Resolver
            {
                static void Throw(ISymbol symbol) => throw new InvalidOperationException(symbol.Name);

                static void Middle(ISymbol symbol)
                {
                    try
                    {
                        Throw(symbol);
                    }
                    finally
                    {
                        Console.WriteLine("cleanup");
                    }
                }

                public static void Outer(ISymbol symbol)
                {
                    try
                    {
                        Middle(symbol);
                    }
                    catch (InvalidOperationException)
                    {
                        throw;
                    }
                }
            }

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    try
                    {
                        Resolver.Outer(symbol);
                    }
                    catch (Exception ex)
                    {
                        client.TrackException({|EXF1002:ex|});
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Local_functions_and_lambdas_throw_into_the_try_around_them()
    {
        return VerifyAsync(Usings + """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Agent
            {
                async Task Report(TelemetryClient client, ISymbol symbol, List<ISymbol> members)
                {
                    try
                    {
                        Check(symbol);
                    }
                    catch (Exception ex)
                    {
                        client.TrackException({|EXF1002:ex|});
                    }

                    try
                    {
                        members.ForEach(m => throw new InvalidOperationException(m.Name));
                    }
                    catch (Exception ex)
                    {
                        client.TrackException({|EXF1002:ex|});
                    }

                    try
                    {
                        await Task.Run(() => Check(symbol));
                    }
                    catch (Exception ex)
                    {
                        client.TrackException({|EXF1002:ex|});
                    }

                    static void Check(ISymbol s)
                    {
                        if (s.IsStatic) throw new NotSupportedException("Static " + s.Name);
                    }
                }
            }
            """);
    }

    /// <summary>The framework's file exceptions name their path: a crash report of a failed read sends it.</summary>
    [Fact]
    public Task A_failed_read_of_a_workspace_file_throws_its_path()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                string Load(TelemetryClient client, Document document, Project project)
                {
                    try
                    {
                        var folder = Path.GetDirectoryName(project.FilePath!)!;
                        foreach (var file in Directory.GetFiles(folder, "*.json"))
                        {
                            client.TrackEvent("found");
                        }
                    }
                    catch (DirectoryNotFoundException ex)
                    {
                        client.TrackTrace({|EXF1003:ex.Message|});
                    }

                    try
                    {
                        return File.ReadAllText(document.FilePath!);
                    }
                    catch (IOException ex)
                    {
                        client.TrackException({|EXF1003:ex|});
                    }

                    try
                    {
                        return File.ReadAllText("settings.json");
                    }
                    catch (Exception ex)
                    {
                        client.TrackException(ex);
                        return "";
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Constant_messages_and_exceptions_caught_on_the_way_send_nothing()
    {
        return VerifyAsync(Usings + """
            class Resolver
            {
                public static void Plain(ISymbol symbol)
                {
                    if (symbol.ContainingType is null) throw new InvalidOperationException("No containing type");
                }

                public static void Quiet(ISymbol symbol)
                {
                    try
                    {
                        throw new InvalidOperationException(symbol.Name);
                    }
                    catch (InvalidOperationException)
                    {
                        Console.WriteLine("ignored");
                    }
                }
            }

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    try
                    {
                        Resolver.Plain(symbol);
                        Resolver.Quiet(symbol);
                    }
                    catch (Exception ex)
                    {
                        client.TrackException(ex);
                    }
                }
            }
            """);
    }

    /// <summary>
    /// The traps: a call that threw ends the code after it, so a later try does not catch its exception;
    /// a catch clause without a name still catches; a finally passes the exception on, and the code after
    /// it (reached only when nothing was thrown) has none.
    /// </summary>
    [Fact]
    public Task Only_the_try_around_the_throw_catches_it()
    {
        return VerifyAsync(Usings + """
            class Resolver
            {
                public static void Resolve(ISymbol symbol) => throw new InvalidOperationException(symbol.Name);
            }

            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol)
                {
                    Resolver.Resolve(symbol);
                    try
                    {
                        client.TrackEvent("after");
                    }
                    catch (Exception ex)
                    {
                        client.TrackException(ex);
                    }
                }

                void Twice(TelemetryClient client, ISymbol symbol)
                {
                    try
                    {
                        Resolver.Resolve(symbol);
                    }
                    catch (InvalidOperationException)
                    {
                    }

                    try
                    {
                        client.TrackEvent("second");
                    }
                    catch (Exception ex)
                    {
                        client.TrackException(ex);
                    }
                }

                void Finally(TelemetryClient client, ISymbol symbol)
                {
                    try
                    {
                        Resolver.Resolve(symbol);
                    }
                    finally
                    {
                        client.TrackEvent("done");
                    }

                    try
                    {
                        client.TrackEvent("next");
                    }
                    catch (Exception ex)
                    {
                        client.TrackException(ex);
                    }
                }
            }
            """);
    }
}
