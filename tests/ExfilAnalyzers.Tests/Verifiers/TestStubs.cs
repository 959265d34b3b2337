using System.IO;

namespace ExfilAnalyzers.Tests.Verifiers;

/// <summary>The stub sources of Stubs/TestStubs.cs, read from the test output folder.</summary>
internal static class TestStubs
{
    public static readonly string Source = File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Stubs", "TestStubs.cs"));
}
