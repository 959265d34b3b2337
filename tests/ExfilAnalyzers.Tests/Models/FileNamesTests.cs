using ExfilAnalyzers.Models;
using Xunit;

namespace ExfilAnalyzers.Tests.Models;

/// <summary>File names read from strings of the analysed code, as System.IO.Path would read them, without ever throwing.</summary>
public class FileNamesTests
{
    [Theory]
    [InlineData(@"C:\src\Program.cs", "Program.cs", ".cs")]
    [InlineData("/home/me/src/Model.CS", "Model.CS", ".CS")]
    [InlineData(@"""C:\Program Files\Git\bin\git.exe""", "git.exe", ".exe")]
    [InlineData(" git ", "git", "")]
    [InlineData("C:notes.txt", "notes.txt", ".txt")]
    [InlineData(".gitignore", ".gitignore", ".gitignore")]
    [InlineData("archive.", "archive.", "")]
    [InlineData("*.cs", "*.cs", ".cs")]
    [InlineData(@"a|b""<c>.cs", @"a|b""<c>.cs", ".cs")]
    [InlineData("", "", "")]
    public void Name_and_extension(string path, string name, string extension)
    {
        Assert.Equal(name, FileNames.NameOf(path));
        Assert.Equal(extension, FileNames.ExtensionOf(path));
    }
}
