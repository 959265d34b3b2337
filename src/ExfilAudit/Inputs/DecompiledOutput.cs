using System;
using System.IO;
using System.Linq;

namespace ExfilAudit.Inputs;

/// <summary>
/// The folder decompiled projects are written to: --out, else beside the input, else the temp folder.
/// Only a folder this tool wrote (it holds a marker file) is ever emptied, so --out cannot wipe user files.
/// </summary>
internal static class DecompiledOutput
{
    public const string FolderPrefix = "ExfilAudit.";
    private const string MarkerFile = ".exfil-audit";

    /// <summary>Creates the output folder, fresh, and says where it is and why there.</summary>
    public static (string Directory, string Where) Prepare(string? requested, string inputPath)
    {
        var name = FolderPrefix + Path.GetFileNameWithoutExtension(inputPath);
        if (requested is not null)
        {
            var full = Path.GetFullPath(requested);
            Reset(full);
            return (full, "--out");
        }

        var beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(inputPath))!, name);
        try
        {
            Reset(beside);
            return (beside, "beside the input");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or AuditException)
        {
            var temp = Path.Combine(Path.GetTempPath(), "exfil-audit", name + "-" + Guid.NewGuid().ToString("N")[..8]);
            Reset(temp);
            return (temp, "in the temp folder, since the input's folder is not writable");
        }
    }

    /// <summary>A folder in the temp folder, for inputs that have no folder of their own (--package).</summary>
    public static string Temporary(string name)
    {
        var temp = Path.Combine(Path.GetTempPath(), "exfil-audit", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Reset(temp);
        return temp;
    }

    private static void Reset(string directory)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            if (!File.Exists(Path.Combine(directory, MarkerFile)))
            {
                throw new AuditException($"{directory} is not empty and was not written by exfil-audit; choose another --out folder");
            }

            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, MarkerFile), "Written by exfil-audit; it empties this folder on its next run.\n");
    }
}
