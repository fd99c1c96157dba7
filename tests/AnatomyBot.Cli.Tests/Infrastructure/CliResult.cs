namespace AnatomyBot.Cli.Tests.Infrastructure;

/// <summary>What one run of the built <c>anatomybot</c> produced.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    /// <summary>The non-empty lines of stdout.</summary>
    public IReadOnlyList<string> StdoutLines =>
        [.. Stdout.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];

    /// <summary>The non-empty lines of stdout and stderr together.</summary>
    public IReadOnlyList<string> AllLines =>
        [.. (Stdout + "\n" + Stderr).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];

    public override string ToString() => $"exit {ExitCode}{(TimedOut ? " (timed out)" : string.Empty)}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
