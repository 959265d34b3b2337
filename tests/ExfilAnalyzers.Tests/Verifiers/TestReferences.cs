using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ExfilAnalyzers.Tests.Verifiers;

/// <summary>
/// Test code compiles against the real reference assemblies of .NET and the real telemetry packages,
/// exactly as this test project's NuGet restore resolved them (the build lists them in
/// test-code-references.txt). ReferenceAssemblies.AddPackages would resolve them again at test time,
/// and its resolver cannot take the next version when a registry lacks the exact one a package asks
/// for, which the registry here does. Packages NuGet does not serve here are stubbed in Stubs/.
/// </summary>
internal static class TestReferences
{
    private static readonly string[] PackagePrefixes =
    {
        "Microsoft.CodeAnalysis.Common", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.Workspaces.Common",
        "Sentry", "OpenTelemetry", "Microsoft.Extensions.", "LibGit2Sharp",
        "Newtonsoft.Json", "System.Security.Cryptography.ProtectedData", "TextCopy", "System.Composition", "Grpc.",
    };

    /// <summary>No reference package: the references below are the whole set.</summary>
    public static readonly ReferenceAssemblies None = new("net10.0");

    public static readonly ImmutableArray<MetadataReference> All = Load(applicationInsights3: false);

    /// <summary>The same set with Application Insights 3.x instead of 2.x.</summary>
    public static readonly ImmutableArray<MetadataReference> WithApplicationInsights3 = Load(applicationInsights3: true);

    private static ImmutableArray<MetadataReference> Load(bool applicationInsights3)
    {
        var list = Path.Combine(AppContext.BaseDirectory, "test-code-references.txt");
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadAllLines(list))
        {
            var parts = line.Split('|');
            var isThree = parts[0] == "Microsoft.ApplicationInsights.3";
            var isTwo = parts[0] == "Microsoft.ApplicationInsights";
            var wanted = isThree ? applicationInsights3 : isTwo ? !applicationInsights3 : IsTestCodeReference(parts[0], parts[1]);
            if (parts.Length != 3 || !wanted || !seen.Add(Path.GetFileName(parts[2])))
            {
                continue;
            }

            references.Add(MetadataReference.CreateFromFile(parts[2]));
        }

        return references.ToImmutable();
    }

    private static bool IsTestCodeReference(string packageId, string framework)
    {
        if (framework == "Microsoft.NETCore.App")
        {
            return true;
        }

        foreach (var prefix in PackagePrefixes)
        {
            if (packageId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && !packageId.Contains("Testing", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
