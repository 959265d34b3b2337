using System;
using System.IO;

namespace ExfilAnalyzers.Tests.Conventions;

/// <summary>Finds the repository's files from the test output folder.</summary>
internal static class RepositoryFiles
{
    public static readonly string Root = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ExfilAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ExfilAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
