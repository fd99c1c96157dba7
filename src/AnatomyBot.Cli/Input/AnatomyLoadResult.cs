using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.Cli.Input;

/// <summary>What loading an anatomy file gave: either a one-line <see cref="Failure"/> (the file could not be read),
/// or the parse result (valid anatomy, or parse errors with positions).</summary>
internal sealed record AnatomyLoadResult(string Name, string? Failure, AnatomyParseResult? Parse)
{
    /// <summary>The anatomy when the file was read and parsed without errors.</summary>
    public EnterpriseAnatomy? Anatomy => Parse is { IsValid: true } ? Parse.Anatomy : null;

    /// <summary>Every line to print when the anatomy is not usable: the failure, or one line per parse error.</summary>
    public IReadOnlyList<string> ErrorLines => Failure is not null
        ? [Failure]
        : [.. (Parse?.Errors ?? []).Select(e => DiagnosticLine.Format(Name, e))];

    public static AnatomyLoadResult Unreadable(string name, string problem) => new(name, $"{name}: error: {problem}", null);
}
