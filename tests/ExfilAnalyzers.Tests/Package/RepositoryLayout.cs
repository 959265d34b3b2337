using System;
using System.IO;
using System.Reflection;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>Where this repository's files are, found from the test assembly, and how it was built.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string PackageProject => Path.Combine(Root, "src", "ExfilAnalyzers.Package", "ExfilAnalyzers.Package.csproj");

    public static string BuildProps => Path.Combine(Root, "build", "ExfilAnalyzers.props");

    public static string Readme => Path.Combine(Root, "README.md");

    /// <summary>Debug or Release, as the tests were built, so packing reuses the analyzers already built.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ExfilAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"ExfilAnalyzers.sln not found above {AppContext.BaseDirectory}");
    }
}
