using System.CommandLine;
using AnatomyBot.Core.Waivers;

namespace AnatomyBot.Cli.Commands;

/// <summary><c>--today YYYY-MM-DD</c>: the day waiver expiry is decided on (default: today's UTC date), so that a
/// result can be reproduced on another day.</summary>
internal static class TodayOption
{
    public static Option<string?> Create() => new("--today")
    {
        Description = "The day waivers are judged on, as YYYY-MM-DD (default: today's UTC date).",
        HelpName = "YYYY-MM-DD",
    };

    /// <summary>The day given, or today's UTC date; null with <paramref name="problem"/> set when the text is not a date.</summary>
    public static DateOnly? Parse(string? text, string command, out string? problem)
    {
        problem = null;
        if (text is null)
        {
            return DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        }

        if (WaiverRules.TryParseDate(text, out var day))
        {
            return day;
        }

        problem = $"{command}: --today must be a date written YYYY-MM-DD, not '{text}'";
        return null;
    }
}
