namespace ExfilAnalyzers.Models;

/// <summary>
/// A file's name and extension read from a string of the analysed code (a constant path, a search
/// pattern, a process's file name). System.IO.Path is not used: under .NET Framework, where Visual
/// Studio and MSBuild may run the analyzers, its look-ups throw on characters such as '"' or '|',
/// which any string of the code may hold.
/// </summary>
internal static class FileNames
{
    private static readonly char[] Separators = { '/', '\\', ':' };

    /// <summary>What follows the last separator, quotes and spaces around it removed (a quoted path to an executable).</summary>
    public static string NameOf(string path)
    {
        var trimmed = path.Trim().Trim('"', '\'').Trim();
        var separator = trimmed.LastIndexOfAny(Separators);
        return separator < 0 ? trimmed : trimmed.Substring(separator + 1);
    }

    /// <summary>The name's extension with its dot (".cs"), or empty when it has none.</summary>
    public static string ExtensionOf(string path)
    {
        var name = NameOf(path);
        var dot = name.LastIndexOf('.');
        return dot < 0 || dot == name.Length - 1 ? "" : name.Substring(dot);
    }
}
