using System.Collections.Generic;
using System.IO;
using System.Security;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>
/// A folder laid out like a user's repository that installs ExfilAnalyzers from a local feed:
/// its own NuGet.Config, an isolated package cache (so a rebuilt package of the same version is never
/// served stale from the machine's cache), and empty Directory.Build/Packages files that stop MSBuild
/// from looking further up the disk.
/// </summary>
internal sealed class ConsumerWorkspace
{
    private readonly string _packageVersion;

    public ConsumerWorkspace(string root, string feed, string packageVersion)
    {
        Root = root;
        _packageVersion = packageVersion;
        Write("NuGet.Config", NuGetConfig(feed));
        Write("Directory.Build.props", "<Project />\n");
        Write("Directory.Build.targets", "<Project />\n");
        Write("Directory.Packages.props", "<Project />\n");
    }

    public string Root { get; }

    /// <summary>Writes a file relative to the workspace root.</summary>
    public string Write(string relativePath, string contents)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, contents);
        return path;
    }

    /// <summary>
    /// A net10.0 class library that references the package as `dotnet add package` would, plus the
    /// given files and any extra property lines.
    /// </summary>
    public string AddProject(string name, IReadOnlyDictionary<string, string> files, string extraProperties = "")
    {
        var project = Write(Path.Combine(name, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ExfilAnalyzers" Version="{_packageVersion}">
                  <PrivateAssets>all</PrivateAssets>
                  <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
                </PackageReference>
              </ItemGroup>
            </Project>
            """);
        foreach (var (fileName, contents) in files)
        {
            Write(Path.Combine(name, fileName), contents);
        }

        return project;
    }

    /// <summary>
    /// The local feed serves ExfilAnalyzers and nothing else; every other package would come from the
    /// machine's nuget.org source (the consumers need none). Source mapping keeps NuGet from asking
    /// nuget.org for ExfilAnalyzers at all.
    /// </summary>
    private static string NuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="packages" />
          </config>
          <packageSources>
            <add key="exfil-local" value="{SecurityElement.Escape(feed)}" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="exfil-local">
              <package pattern="ExfilAnalyzers" />
            </packageSource>
            <packageSource key="nuget.org">
              <package pattern="*" />
            </packageSource>
          </packageSourceMapping>
        </configuration>
        """;
}
