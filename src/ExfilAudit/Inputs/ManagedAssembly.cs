using System;
using System.IO;
using System.Reflection.PortableExecutable;

namespace ExfilAudit.Inputs;

/// <summary>Tells .NET assemblies from native libraries and other files without loading them.</summary>
internal static class ManagedAssembly
{
    public static bool IsManaged(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Throws the one-line error the user sees when a binary input cannot be audited.</summary>
    public static void EnsureManaged(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            if (!reader.HasMetadata)
            {
                throw new AuditException($"{Path.GetFileName(path)} is not a .NET assembly (a native binary has nothing to decompile)");
            }
        }
        catch (BadImageFormatException)
        {
            throw new AuditException($"{Path.GetFileName(path)} is not a .NET assembly");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditException($"cannot read {path}: {e.Message}");
        }
    }
}
