using System.Diagnostics;

namespace AnatomyBot.Cli.Commands.Check.Live;

/// <summary>The token <c>check --github</c> reads with: <c>GITHUB_TOKEN</c>, else what <c>gh auth token</c> prints when
/// the GitHub CLI is installed and signed in, else none (anonymous: public repositories, low rate limit).</summary>
internal static class GitHubToken
{
    private static readonly TimeSpan GhTimeout = TimeSpan.FromSeconds(10);

    public static (string? Token, string Origin) Resolve()
    {
        if (Environment.GetEnvironmentVariable("GITHUB_TOKEN") is { Length: > 0 } token)
        {
            return (token.Trim(), "GITHUB_TOKEN");
        }

        return FromGh() is { } fromGh ? (fromGh, "gh auth token") : (null, "no token");
    }

    private static string? FromGh()
    {
        var start = new ProcessStartInfo("gh")
        {
            ArgumentList = { "auth", "token" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(GhTimeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            var token = output.GetAwaiter().GetResult().Trim();
            return process.ExitCode == 0 && token.Length > 0 && !token.Contains('\n', StringComparison.Ordinal) ? token : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // gh is not installed
        }
    }
}
