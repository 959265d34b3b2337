using System.Threading.Tasks;
using Xunit;
using static ExfilAnalyzers.Tests.Verifiers.FlowVerifier;

namespace ExfilAnalyzers.Tests.Models;

/// <summary>Each built-in source, with the category SPEC.md gives it, and the look-alikes that are not sources.</summary>
public class SourceModelTests
{
    private const string Usings = """
        using System;
        using System.Diagnostics;
        using System.IO;
        using System.Linq;
        using System.Reflection;
        using System.Threading.Tasks;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;
        using Microsoft.CodeAnalysis.CSharp.Syntax;
        using Microsoft.CodeAnalysis.Text;

        """;

    [Fact]
    public Task Roslyn_source_text()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                async Task Report(TelemetryClient client, SyntaxTree tree, SyntaxNode node, Document document)
                {
                    client.TrackEvent({|EXF1001:node.ToString()|});
                    client.TrackEvent({|EXF1001:node.GetText().ToString()|});
                    var text = await tree.GetTextAsync();
                    client.TrackEvent({|EXF1001:text.Lines[0].ToString()|});
                    if (document.TryGetText(out SourceText cached))
                    {
                        client.TrackEvent({|EXF1001:cached.ToString(new TextSpan(0, 10))|});
                    }

                    client.TrackEvent({|EXF1001:node.GetLeadingTrivia().ToFullString()|});

                    // Formatting a node calls its ToString.
                    var root = await tree.GetRootAsync();
                    client.TrackEvent({|EXF1001:$"root: {root}"|});
                    client.TrackEvent({|EXF1001:"node: " + node.Parent|});
                    client.TrackEvent({|EXF1001:new System.Text.StringBuilder().Append((object)root).ToString()|});
                    client.TrackEvent($"kind: {node.RawKind}, {root.FullSpan.Length} characters");
                }
            }
            """);
    }

    [Fact]
    public Task Roslyn_symbol_names()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, IMethodSymbol method, MethodDeclarationSyntax declaration, IdentifierNameSyntax identifier)
                {
                    client.TrackEvent({|EXF1002:method.Name|});
                    client.TrackEvent({|EXF1002:method.ContainingType.ToDisplayString()|});
                    client.TrackEvent({|EXF1002:method.ToMinimalDisplayString(null, 0)|});
                    client.TrackEvent({|EXF1002:declaration.Identifier.ValueText|});
                    client.TrackEvent({|EXF1002:declaration.Identifier.Text|});
                    client.TrackEvent({|EXF1002:identifier.ToString()|});
                    client.TrackEvent({|EXF1002:string.Concat(method.ToDisplayParts())|});
                }
            }
            """);
    }

    [Fact]
    public Task Roslyn_repository_metadata()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, Project project, Solution solution, Location location, Compilation compilation)
                {
                    client.TrackEvent({|EXF1003:project.Name|});
                    client.TrackEvent({|EXF1003:project.Id.ToString()|});
                    client.TrackEvent({|EXF1003:$"project {project.Id}"|});
                    client.TrackEvent({|EXF1003:"solution " + solution.Id|});
                    client.TrackEvent({|EXF1003:string.Format("{0}", project.Documents.First().Id)|});
                    client.TrackEvent({|EXF1003:solution.FilePath|});
                    client.TrackEvent({|EXF1003:location.GetLineSpan().Path|});
                    client.TrackEvent({|EXF1003:location.SourceTree.FilePath|});
                    client.TrackEvent({|EXF1003:compilation.AssemblyName|});
                    client.TrackEvent({|EXF1003:project.Documents.First().Name|});
                }
            }
            """);
    }

    /// <summary>
    /// Reporting which diagnostics users hit is common telemetry. Their ids, severities and categories are
    /// the tool's; their messages name the user's declarations, and their text adds the file.
    /// </summary>
    [Fact]
    public Task Diagnostic_messages_name_what_they_are_about()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, Diagnostic diagnostic, Compilation compilation)
                {
                    client.TrackEvent({|EXF1002:diagnostic.GetMessage()|});
                    client.TrackEvent({|EXF1003:diagnostic.ToString()|});
                    client.TrackEvent({|EXF1003:$"{diagnostic}"|});
                    foreach (var error in compilation.GetDiagnostics())
                    {
                        client.TrackTrace({|EXF1002:error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)|});
                        client.TrackEvent(error.Id);
                    }

                    client.TrackEvent(diagnostic.Severity + " " + diagnostic.Descriptor.Category + " " + diagnostic.Descriptor.Title);
                }
            }
            """);
    }

    [Fact]
    public Task Tool_own_names_are_not_sources()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, ISymbol symbol, Location location)
                {
                    client.TrackEvent(nameof(Agent));
                    client.TrackEvent(typeof(Agent).Name);
                    client.TrackEvent(GetType().FullName);
                    try { symbol.ToString(); }
                    catch (Exception ex) { client.TrackEvent(ex.GetType().Name); }
                    client.TrackEvent(symbol.Kind.ToString());
                    client.TrackEvent(location.GetLineSpan().StartLinePosition.Line.ToString());
                    client.TrackEvent(symbol.GetAttributes().Length.ToString());
                }
            }
            """);
    }

    [Fact]
    public Task Files_read_from_the_workspace_are_source_text()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, Document document, string root)
                {
                    client.TrackEvent({|EXF1001:File.ReadAllText(document.FilePath)|});
                    foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
                    {
                        client.TrackEvent({|EXF1001:File.ReadAllText(file)|});
                    }

                    var lines = File.ReadAllLines("Program.cs");
                    client.TrackEvent({|EXF1001:lines[0]|});
                    var cwd = Directory.GetCurrentDirectory();
                    client.TrackEvent({|EXF1001:File.ReadAllText(Path.Combine(cwd, "notes.txt"))|});
                    client.TrackEvent({|EXF1001:File.ReadAllText(Path.Combine(root, "Program.cs"))|});
                    var stem = Path.GetFileNameWithoutExtension(root);
                    client.TrackEvent({|EXF1001:File.ReadAllText(stem + ".cs")|});
                    client.TrackEvent({|EXF1001:File.ReadAllText($"{root}/{stem}.csproj")|});
                }
            }
            """);
    }

    [Fact]
    public Task Files_that_are_not_the_users_code_are_not_sources()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client)
                {
                    var settings = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "settings.json"));
                    client.TrackEvent(settings);
                    foreach (var plugin in Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
                    {
                        client.TrackEvent(Path.GetFileName(plugin));
                    }
                }
            }
            """);
    }

    [Fact]
    public Task Reflection_names_of_loaded_assemblies()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, string path, byte[] image)
                {
                    var assembly = Assembly.LoadFrom(path);
                    foreach (var type in assembly.GetTypes())
                    {
                        client.TrackEvent({|EXF1002:type.FullName|});
                        client.TrackEvent({|EXF1002:type.GetMethods().First().Name|});
                    }

                    client.TrackEvent({|EXF1002:Assembly.Load(image).GetName().Name|});
                    client.TrackEvent(typeof(string).Assembly.GetName().Name);
                }
            }
            """);
    }

    [Fact]
    public Task Git_through_libgit2sharp_and_a_git_process()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client, LibGit2Sharp.Repository repository)
                {
                    client.TrackEvent({|EXF1003:repository.Network.Remotes.First().Url|});
                    client.TrackEvent({|EXF1003:repository.Head.FriendlyName|});
                    client.TrackEvent({|EXF1003:repository.Head.Tip.Message|});
                    client.TrackEvent({|EXF1003:repository.Head.Tip.Author.Email|});
                    client.TrackEvent({|EXF1003:repository.Head.Tip.Sha|});

                    var git = Process.Start(new ProcessStartInfo("git", "remote get-url origin") { RedirectStandardOutput = true });
                    client.TrackEvent({|EXF1003:git.StandardOutput.ReadToEnd()|});

                    var info = new ProcessStartInfo { FileName = "git", Arguments = "log -1", RedirectStandardOutput = true };
                    using var log = Process.Start(info);
                    client.TrackEvent({|EXF1003:log.StandardOutput.ReadLine()|});

                    var other = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true });
                    client.TrackEvent(other.StandardOutput.ReadToEnd());
                }
            }
            """);
    }

    /// <summary>A quoted path to git, and strings that System.IO.Path rejects under .NET Framework, where a look-up would throw.</summary>
    [Fact]
    public Task A_quoted_path_to_git_and_strings_that_are_no_paths()
    {
        return VerifyAsync(Usings + """"
            class Agent
            {
                void Report(TelemetryClient client, string text)
                {
                    var git = Process.Start(new ProcessStartInfo("\"C:\\Program Files\\Git\\bin\\git.exe\"", "remote -v") { RedirectStandardOutput = true });
                    client.TrackEvent({|EXF1003:git.StandardOutput.ReadToEnd()|});

                    var odd = Process.Start(new ProcessStartInfo("tool|<x>\"", "run") { RedirectStandardOutput = true });
                    client.TrackEvent(odd.StandardOutput.ReadToEnd());
                    client.TrackEvent(text.Replace("\"", "|"));
                    client.TrackEvent(string.Concat(text, "<b>\".cs"));
                }
            }
            """");
    }

    [Fact]
    public Task Environment_repository_and_machine_metadata()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                void Report(TelemetryClient client)
                {
                    client.TrackEvent({|EXF1003:Environment.GetEnvironmentVariable("GITHUB_REPOSITORY")|});
                    client.TrackEvent({|EXF1003:Environment.GetEnvironmentVariable("BUILD_REPOSITORY_URI")|});
                    client.TrackEvent({|EXF1003:Environment.GetEnvironmentVariable("CI_PROJECT_URL")|});
                    client.TrackEvent({|EXF1003:Environment.GetEnvironmentVariable("GIT_COMMIT")|});
                    client.TrackEvent({|EXF1003:Environment.CurrentDirectory|});
                    client.TrackEvent({|EXF1003:Environment.UserName|});
                    client.TrackEvent({|EXF1003:Environment.MachineName|});
                    client.TrackEvent({|EXF1003:Environment.UserDomainName|});
                    client.TrackEvent({|EXF1003:Directory.GetCurrentDirectory()|});
                    client.TrackEvent(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"));
                    client.TrackEvent(Environment.ProcessorCount.ToString());
                    client.TrackEvent(Environment.OSVersion.ToString());
                }
            }
            """);
    }

    [Fact]
    public Task Editors_language_servers_and_the_clipboard()
    {
        return VerifyAsync(Usings + """
            class Agent
            {
                async Task Report(TelemetryClient client, EnvDTE.Document dte, EnvDTE.CodeElement element,
                    Microsoft.VisualStudio.Text.ITextBuffer buffer, Microsoft.VisualStudio.LanguageServer.Protocol.DidOpenTextDocumentParams opened)
                {
                    client.TrackEvent({|EXF1001:dte.Selection.Text|});
                    client.TrackEvent({|EXF1003:dte.FullName|});
                    client.TrackEvent({|EXF1002:element.FullName|});
                    client.TrackEvent({|EXF1001:buffer.CurrentSnapshot.GetText()|});
                    client.TrackEvent({|EXF1001:opened.TextDocument.Text|});
                    client.TrackEvent({|EXF1003:opened.TextDocument.Uri.ToString()|});
                    client.TrackEvent(opened.TextDocument.LanguageId);
                    client.TrackEvent({|EXF1001:await TextCopy.ClipboardService.GetTextAsync()|});
                }
            }
            """);
    }
}
