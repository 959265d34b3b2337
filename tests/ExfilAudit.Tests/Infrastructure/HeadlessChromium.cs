using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace ExfilAudit.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, with a fresh profile and no background traffic (the machine has no
/// network). Tests that need it skip when it is not installed; CI has only NuGet.
/// </summary>
public static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>The DOM of the page after its scripts ran.</summary>
    public static async Task<string> DumpDomAsync(string htmlFile)
    {
        using var profile = new TempDirectory();
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + profile.Path, "--dump-dom", new Uri(htmlFile).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(90))) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 90 s: " + await errors);
        }

        return await dom;
    }
}

/// <summary>A fact that runs only where headless Chromium is installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            Skip = $"needs Chromium at {HeadlessChromium.Path} (Debian package chromium)";
        }
    }
}
