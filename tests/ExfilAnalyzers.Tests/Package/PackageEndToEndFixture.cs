using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ExfilAnalyzers.Tests.Package;

/// <summary>
/// Packs ExfilAnalyzers once, installs it from a local feed into four fresh consumer projects and
/// builds them side by side, as a user and their CI would. Every end-to-end test reads these results.
/// </summary>
public sealed class PackageEndToEndFixture : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    private readonly TemporaryFolder _folder = new("exfil-e2e");

    internal PackedPackage Package { get; private set; } = null!;

    /// <summary>A plain `dotnet build` of a project with ExfilModels.txt beside it and above it.</summary>
    internal ConsumerBuild PlainBuild { get; private set; } = null!;

    /// <summary>`dotnet build -warnaserror`, as a CI gate runs it.</summary>
    internal ConsumerBuild WarningsAsErrorsBuild { get; private set; } = null!;

    /// <summary>A plain build of a project whose .globalconfig makes EXF1003 an error.</summary>
    internal ConsumerBuild GlobalConfigBuild { get; private set; } = null!;

    /// <summary>The plain build's project again, with ExfilModelsDiscovery=false in its project file.</summary>
    internal ConsumerBuild OptedOutBuild { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var feed = _folder.Combine("feed");
        var pack = await DotnetCli.RunAsync(
            RepositoryLayout.Root,
            ["pack", RepositoryLayout.PackageProject, "-c", RepositoryLayout.Configuration, "-o", feed, "-nologo", "-nodeReuse:false", "-tl:off"],
            PackTimeout).ConfigureAwait(false);
        var packages = Directory.Exists(feed) ? Directory.GetFiles(feed, "*.nupkg") : [];
        if (!pack.Succeeded || packages.Length != 1)
        {
            throw new InvalidOperationException($"Packing did not produce exactly one package in {feed}:\n{pack.Describe()}");
        }

        Package = new PackedPackage(packages[0]);
        var workspace = new ConsumerWorkspace(_folder.Combine("workspace"), feed, Package.Version);
        workspace.Write("ExfilModels.txt", ConsumerCode.RepositoryModels);

        var withModels = new Dictionary<string, string>
        {
            ["Reporter.cs"] = ConsumerCode.Reporter,
            ["CustomSinks.cs"] = ConsumerCode.CustomSinks,
            ["ExfilModels.txt"] = ConsumerCode.ProjectModels,
        };
        var plain = workspace.AddProject("Consumer", withModels);
        var optedOut = workspace.AddProject("OptedOutConsumer", withModels, "<ExfilModelsDiscovery>false</ExfilModelsDiscovery>");
        var strict = workspace.AddProject("StrictConsumer", new Dictionary<string, string> { ["Reporter.cs"] = ConsumerCode.Reporter });
        var configured = workspace.AddProject("ConfiguredConsumer", new Dictionary<string, string>
        {
            ["Reporter.cs"] = ConsumerCode.Reporter,
            [".globalconfig"] = ConsumerCode.Exf1003AsError,
        });

        var builds = await Task.WhenAll(Build(plain), Build(strict, "-warnaserror"), Build(configured), Build(optedOut)).ConfigureAwait(false);
        PlainBuild = builds[0];
        WarningsAsErrorsBuild = builds[1];
        GlobalConfigBuild = builds[2];
        OptedOutBuild = builds[3];
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private async Task<ConsumerBuild> Build(string project, params string[] extraArguments)
    {
        // The consumer's NuGet.Config chooses the package cache; a machine-wide override must not win.
        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = null };
        string[] arguments = ["build", project, "-nologo", "-nodeReuse:false", "-tl:off", "-v:minimal", .. extraArguments];
        var result = await DotnetCli.RunAsync(Path.GetDirectoryName(project)!, arguments, BuildTimeout, environment).ConfigureAwait(false);
        return new ConsumerBuild(result);
    }
}
