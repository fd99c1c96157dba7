using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.Core.Reconcile;

namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>The merge check as an Azure DevOps PR status: genre <c>anatomybot</c>, name <c>linkage</c>. Success →
/// <c>succeeded</c>; warnings only (Neutral) → <c>succeeded</c> with a description that says so (a warning must not block
/// completion, and Azure DevOps has no neutral state); Failure → <c>failed</c>; exempt → <c>notApplicable</c>.
/// A status carries only state and description, so "the same check" means those two match.</summary>
public static class StatusMapping
{
    public const string Genre = "anatomybot";
    public const string Name = "linkage";
    public const int MaxDescriptionLength = 200;
    private const string WarningsPrefix = "Warnings only: ";

    public static StatusContextDto Context { get; } = new(Genre, Name);

    public static string State(CheckConclusion conclusion) => conclusion switch
    {
        CheckConclusion.Success or CheckConclusion.Neutral => "succeeded",
        CheckConclusion.Failure => "failed",
        _ => "notApplicable",
    };

    public static string Description(CheckState check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var title = check.Title.ReplaceLineEndings(" ").Trim();
        if (check.Conclusion == CheckConclusion.Neutral && !title.Contains("warning", StringComparison.OrdinalIgnoreCase))
        {
            title = WarningsPrefix + title;
        }

        return title.Length <= MaxDescriptionLength ? title : string.Concat(title.AsSpan(0, MaxDescriptionLength - 1), "…");
    }

    public static bool IsBotStatus(StatusDto status) =>
        string.Equals(status?.Context?.Genre, Genre, StringComparison.OrdinalIgnoreCase)
        && string.Equals(status?.Context?.Name, Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="status"/> already shows <paramref name="check"/>.</summary>
    public static bool Shows(StatusDto? status, CheckState check) =>
        status is not null
        && string.Equals(status.State, State(check.Conclusion), StringComparison.OrdinalIgnoreCase)
        && string.Equals(status.Description?.Trim(), Description(check), StringComparison.Ordinal);

    /// <summary>The current state for the planner: the desired check itself when the status already shows it (a status has no
    /// summary to compare), otherwise what the status says, or null when there is none.</summary>
    public static CheckState? AsCurrent(StatusDto? status, CheckState? desired)
    {
        if (status is null)
        {
            return null;
        }

        if (desired is not null && Shows(status, desired))
        {
            return desired;
        }

        var conclusion = status.State?.ToUpperInvariant() switch
        {
            "SUCCEEDED" => CheckConclusion.Success,
            "FAILED" or "ERROR" => CheckConclusion.Failure,
            _ => CheckConclusion.NotApplicable,
        };
        return new CheckState(conclusion, status.Description ?? "", "");
    }
}
