using System.Globalization;

namespace AnatomyBot.Core.Reconcile;

/// <summary>What an item shows when its delivery spent the API call budget before everything it references was read: a
/// neutral check and the sticky comment saying why, never a verdict on what was half read. Labels stay as they are.</summary>
public static class BudgetSpentState
{
    public const string Title = "Not evaluated: too many references to read";

    public static DesiredState For(int budget, IReadOnlySet<string> currentOwnedLabels)
    {
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            Reading what this pull request references took more than {budget} API calls (`Pipeline:MaxApiCallsPerDelivery`),
            so it was not evaluated: a verdict on half of its links could be wrong either way. Nothing is blocked.
            Link fewer work items (at most 50 are read), or ask an administrator to raise the budget; the check runs again
            on the next edit or push.

            """);
        return new DesiredState
        {
            OwnedLabels = currentOwnedLabels,
            Comment = $"{Markers.Comment}\n### AnatomyBot: {Title}\n\n{summary}",
            Check = new CheckState(CheckConclusion.Neutral, Title, summary),
        };
    }
}
