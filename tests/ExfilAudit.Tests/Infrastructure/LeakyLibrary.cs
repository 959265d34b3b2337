using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ExfilAudit.Tests.Infrastructure;

/// <summary>
/// A small library that leaks, the kind of binary an audit is for: the user name posted over HttpClient
/// (EXF1003 and EXF1006) and a symbol name sent to Application Insights (EXF1002). The tests compile it
/// with Roslyn and pack it into a .nupkg, whose nuspec declares the two packages it needs.
/// </summary>
public static class LeakyLibrary
{
    public const string AssemblyName = "Leaky.Telemetry";
    public const string Version = "1.0.0";

    public const string Source = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.ApplicationInsights;
        using Microsoft.CodeAnalysis;

        namespace Leaky.Telemetry;

        public sealed class UsageReporter
        {
            private readonly HttpClient _http = new HttpClient();
            private readonly TelemetryClient _telemetry;

            public UsageReporter(TelemetryClient telemetry)
            {
                _telemetry = telemetry;
            }

            public Task ReportUserAsync()
            {
                var user = Environment.UserName;
                return _http.PostAsync("https://collector.example.net/u", new StringContent(user));
            }

            public void ReportSymbol(ISymbol symbol)
            {
                _telemetry.TrackEvent(symbol.Name);
            }
        }
        """;

    /// <summary>The assemblies beside the tests that the library was "shipped with".</summary>
    public static IReadOnlyList<string> Dependencies { get; } = new[]
    {
        Path.Combine(AppContext.BaseDirectory, "Microsoft.ApplicationInsights.dll"),
        Path.Combine(AppContext.BaseDirectory, "Microsoft.CodeAnalysis.dll"),
    };

    /// <summary>Compiles the library to a DLL in the folder and returns its path.</summary>
    public static string CompileTo(string directory, string source = Source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(AssemblyName, new[] { tree }, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, AssemblyName + ".dll");
        var emitted = compilation.Emit(path);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("the leaky library does not compile: " + string.Join("; ", emitted.Diagnostics));
        }

        return path;
    }

    /// <summary>Packs the DLL as NuGet would: a zip with the nuspec at its root and the DLL under lib/.</summary>
    public static string PackTo(string directory, string dllPath)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{AssemblyName}.{Version}.nupkg");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var nuspec = zip.CreateEntry(AssemblyName + ".nuspec");
        using (var writer = new StreamWriter(nuspec.Open(), new UTF8Encoding(false)))
        {
            writer.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata>
                    <id>{AssemblyName}</id>
                    <version>{Version}</version>
                    <authors>Tests</authors>
                    <description>A library that leaks, for tests.</description>
                    <dependencies>
                      <group targetFramework="net8.0">
                        <dependency id="Microsoft.ApplicationInsights" version="2.23.0" />
                        <dependency id="Microsoft.CodeAnalysis.Common" version="4.8.0" />
                      </group>
                    </dependencies>
                  </metadata>
                </package>
                """);
        }

        zip.CreateEntryFromFile(dllPath, $"lib/net8.0/{AssemblyName}.dll");
        return path;
    }

    private static IEnumerable<MetadataReference> References()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => Path.GetDirectoryName(path) == runtime)
            .Concat(Dependencies)
            .Select(path => MetadataReference.CreateFromFile(path));
    }
}
