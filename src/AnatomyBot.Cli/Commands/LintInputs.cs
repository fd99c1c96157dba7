namespace AnatomyBot.Cli.Commands;

/// <summary>What <c>lint</c> reads besides the anatomy: the day waivers are judged on (<c>--today</c>, null for today)
/// and backlogs whose gaps the waivers should still match (<c>--backlog</c>).</summary>
internal sealed record LintInputs(string? Today, IReadOnlyList<string> Backlogs);
