namespace AnatomyBot.Cli.Tests.Infrastructure;

/// <summary>Optional settings for <see cref="CliRunner"/>.</summary>
public sealed record CliRunOptions
{
    public string? WorkingDirectory { get; init; }

    public TimeSpan? Timeout { get; init; }

    /// <summary>Text written to the process's standard input (closed afterwards either way).</summary>
    public string? Stdin { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Names removed from the inherited environment (before <see cref="Environment"/> is applied); a name
    /// ending in <c>*</c> removes every variable with that prefix.</summary>
    public IReadOnlyCollection<string> Unset { get; init; } = [];
}
