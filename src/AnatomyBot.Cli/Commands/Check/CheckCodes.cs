using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Cli.Commands.Check;

/// <summary>The stable spellings of the report: sources, kinds and severities.</summary>
internal static class CheckCodes
{
    public static string Source(ItemSource source) => source == ItemSource.GitHub ? "github" : "azure-devops";

    public static string Kind(ItemKind kind) => kind switch
    {
        ItemKind.Epic => "epic",
        ItemKind.Feature => "feature",
        ItemKind.Story => "story",
        ItemKind.PullRequest => "pull-request",
        _ => "other",
    };

    public static string Severity(GapSeverity severity) => severity switch
    {
        GapSeverity.Block => "block",
        GapSeverity.Warn => "warn",
        _ => "info",
    };
}
