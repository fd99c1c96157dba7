using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace AnatomyBot.Core.Tests.Browser;

/// <summary>Headless Chromium from the system's packages, driven from the command line: a page's DOM after its scripts
/// ran (<c>--dump-dom</c>, with a virtual time budget so Mermaid finishes), or a screenshot of it.</summary>
internal static partial class ChromiumPage
{
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The Chromium binary, or null when none is installed.</summary>
    public static string? Find() =>
        Environment.GetEnvironmentVariable("ANATOMYBOT_CHROMIUM") is { Length: > 0 } chosen && File.Exists(chosen)
            ? chosen
            : Candidates.FirstOrDefault(File.Exists);

    /// <summary>The text of the element <c>&lt;pre id="report"&gt;</c> once the page at <paramref name="file"/> has run.</summary>
    public static string Report(string chromium, string file, int width, params string[] flags)
    {
        var dom = Run(chromium, file, width, 2000, ["--dump-dom", .. flags]);
        var match = ReportElement().Match(dom);
        Assert.True(match.Success, "the page wrote no report; its DOM begins: " + dom[..Math.Min(dom.Length, 500)]);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Saves a PNG of the page at <paramref name="file"/> to <paramref name="png"/>.</summary>
    public static void Screenshot(string chromium, string file, string png, int width, int height)
    {
        Run(chromium, file, width, height, "--screenshot=" + png, "--hide-scrollbars");
        Assert.True(File.Exists(png), "Chromium wrote no screenshot to " + png);
    }

    private static string Run(string chromium, string file, int width, int height, params string[] action)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                     "--virtual-time-budget=30000", $"--window-size={width},{height}", .. action, new Uri(file).AbsoluteUri])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish in 120 s");
        }

        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.GetAwaiter().GetResult()}");
        return stdout;
    }

    [GeneratedRegex("<pre id=\"report\">([^<]*)</pre>")]
    private static partial Regex ReportElement();
}
