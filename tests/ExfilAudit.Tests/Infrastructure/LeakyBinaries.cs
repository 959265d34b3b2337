using System;
using System.IO;
using Xunit;

namespace ExfilAudit.Tests.Infrastructure;

/// <summary>
/// The leaky library built once for the binary tests: the DLL with the assemblies it ships with beside it
/// (bin/), and the same DLL packed into a .nupkg in a folder that serves as a NuGet source (feed/).
/// </summary>
public sealed class LeakyBinaries : IDisposable
{
    private readonly TempDirectory _directory = new();

    public LeakyBinaries()
    {
        var bin = _directory.Combine("bin");
        DllPath = LeakyLibrary.CompileTo(bin);
        foreach (var dependency in LeakyLibrary.Dependencies)
        {
            File.Copy(dependency, Path.Combine(bin, Path.GetFileName(dependency)));
        }

        FeedDirectory = _directory.Combine("feed");
        NupkgPath = LeakyLibrary.PackTo(FeedDirectory, DllPath);
    }

    public string DllPath { get; }

    public string NupkgPath { get; }

    public string FeedDirectory { get; }

    public string NewFolder(string name)
    {
        var path = _directory.Combine(name + "-" + Guid.NewGuid().ToString("N")[..6]);
        return path;
    }

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class LeakyBinariesCollection : ICollectionFixture<LeakyBinaries>
{
    public const string Name = "Leaky binaries";
}
