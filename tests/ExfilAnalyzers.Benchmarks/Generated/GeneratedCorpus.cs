using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using ExfilAnalyzers.Benchmarks.Corpus;

namespace ExfilAnalyzers.Benchmarks.Generated;

/// <summary>
/// The generated corpus: an IDE assistant made of feature modules, each a service, a helper class and a
/// model, with sources, sinks, sanitized and harmless telemetry, helpers, fields, lambdas and call chains
/// that cross modules. The scale multiplies the number of modules, so every kind of code grows with it.
/// </summary>
internal static class GeneratedCorpus
{
    /// <summary>Feature modules at scale 1: about 10,000 lines.</summary>
    public const int ModulesPerScale = 40;

    /// <summary>The assemblies generated code compiles against, besides .NET.</summary>
    public static readonly ImmutableArray<string> ReferencedAssemblies = ImmutableArray.Create(
        "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.Workspaces", "Microsoft.ApplicationInsights");

    public static CorpusProject Create(int scale, ReferenceCatalog references)
    {
        var modules = ModulesPerScale * scale;
        var files = ImmutableArray.CreateBuilder<SourceFile>();
        files.Add(new SourceFile("Assistant/Infrastructure.cs", InfrastructureTemplate.Text(modules)));
        for (var module = 0; module < modules; module++)
        {
            var folder = "Features/Feature" + module.ToString(CultureInfo.InvariantCulture);
            files.Add(new SourceFile(folder + "/Service.cs", ServiceTemplate.Text(module)));
            files.Add(new SourceFile(folder + "/Helpers.cs", HelpersTemplate.Text(module)));
            files.Add(new SourceFile(folder + "/Model.cs", ModelTemplate.Text(module)));
        }

        return Project($"Generated {scale}x", files.ToImmutable(), references);
    }

    /// <summary>A project of generated files, compiled against <see cref="ReferencedAssemblies"/>.</summary>
    public static CorpusProject Project(string name, ImmutableArray<SourceFile> files, ReferenceCatalog references)
    {
        // What the referenced assemblies refer to in turn may be missing (a native SQLite provider): the compiler never needs it here.
        var unresolved = new List<string>();
        var project = new CorpusProject(name, files, references.For(ReferencedAssemblies, unresolved));
        var missing = unresolved.Intersect(ReferencedAssemblies).ToList();
        return missing.Count == 0
            ? project
            : throw new System.InvalidOperationException("Generated code cannot resolve " + string.Join(", ", missing));
    }

    /// <summary>
    /// The findings the generated code should get, by rule, from the flows <see cref="ServiceTemplate"/> puts in each
    /// module: a check of what the analyzers find, next to what they cost.
    /// </summary>
    public static ImmutableDictionary<string, int> ExpectedFindings(int scale)
    {
        var expected = new Dictionary<string, int>(System.StringComparer.Ordinal);
        void Add(string rule) => expected[rule] = expected.GetValueOrDefault(rule) + 1;
        for (var module = 0; module < ModulesPerScale * scale; module++)
        {
            // Symbol names: a local helper (0), a call chain into another module (1), a field and a list sent by Flush (2).
            if (module % 4 != 3)
            {
                Add("EXF1002");
            }

            // The document's text posted to an undeclared endpoint.
            if (module % 3 == 0)
            {
                Add("EXF1001");
                Add("EXF1006");
            }

            // A file path captured by a lambda.
            if (module % 3 == 2)
            {
                Add("EXF1003");
            }

            // A keyword trigger.
            if (module % 5 == 0)
            {
                Add("EXF1004");
            }
        }

        return expected.ToImmutableDictionary();
    }

    /// <summary>The path of the service file of a module: where the IDE case edits.</summary>
    public static string ServicePath(int module) => $"Features/Feature{module.ToString(CultureInfo.InvariantCulture)}/Service.cs";
}
