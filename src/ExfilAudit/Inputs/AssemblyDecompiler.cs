using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading;
using ICSharpCode.Decompiler;
using ICSharpCode.Decompiler.CSharp.ProjectDecompiler;
using ICSharpCode.Decompiler.Metadata;

namespace ExfilAudit.Inputs;

/// <summary>
/// Turns a compiled assembly back into a C# project with ICSharpCode.Decompiler (the engine of ILSpy), in a
/// folder the user can open, so every reported location is a line they can read.
/// </summary>
internal static class AssemblyDecompiler
{
    public static void Decompile(string assemblyPath, string targetDirectory, IEnumerable<string> searchDirectories, CancellationToken cancellationToken)
    {
        ManagedAssembly.EnsureManaged(assemblyPath);
        PEFile module;
        try
        {
            module = new PEFile(assemblyPath, PEStreamOptions.PrefetchEntireImage, MetadataReaderOptions.Default, null);
        }
        catch (Exception e) when (e is BadImageFormatException or MetadataFileNotSupportedException)
        {
            throw new AuditException($"{Path.GetFileName(assemblyPath)} is not a .NET assembly that can be decompiled: {e.Message}");
        }

        using (module)
        {
            var resolver = new UniversalAssemblyResolver(assemblyPath, throwOnError: false, module.DetectTargetFrameworkId(), null,
                PEStreamOptions.PrefetchMetadata, MetadataReaderOptions.Default);
            foreach (var directory in searchDirectories)
            {
                resolver.AddSearchDirectory(directory);
            }

            var settings = new DecompilerSettings
            {
                ThrowOnAssemblyResolveErrors = false,
                UseSdkStyleProjectFormat = true,
            };
            var decompiler = new WholeProjectDecompiler(settings, resolver, null, null, null)
            {
                MaxDegreeOfParallelism = Environment.ProcessorCount,
            };
            Directory.CreateDirectory(targetDirectory);
            decompiler.DecompileProject(module, targetDirectory, cancellationToken);
        }
    }
}
