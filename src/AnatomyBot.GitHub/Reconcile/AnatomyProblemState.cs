using System.Text;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.GitHub.Snapshot;

namespace AnatomyBot.GitHub.Reconcile;

/// <summary>What a pull request shows when its repository has no anatomy, or a broken one: a neutral check and the sticky
/// comment saying what to do. Never a failure — a missing or broken file must not block merges. Labels are left as they are.</summary>
internal static class AnatomyProblemState
{
    public static DesiredState For(AnatomyLoad load, string anatomyPath, IReadOnlySet<string> currentOwnedLabels)
    {
        var (title, summary) = load.Status == AnatomyLoadStatus.Missing ? Missing(anatomyPath) : Invalid(load);
        return new DesiredState
        {
            OwnedLabels = currentOwnedLabels,
            Comment = $"{Markers.Comment}\n### AnatomyBot: {title}\n\n{summary}",
            Check = new CheckState(CheckConclusion.Neutral, title, summary),
        };
    }

    private static (string Title, string Summary) Missing(string path) => (
        "No anatomy file found",
        $"""
        This repository has no `{path}` on its default branch, and the owner's `.github` repository has none either,
        so there is nothing to check this pull request against. Nothing is blocked.

        To start, add `{path}` (see `anatomybot lint` and the onboarding sample) with your outcomes, value-stream stages,
        logic and components; the check runs again on the next push or edit.

        """);

    private static (string Title, string Summary) Invalid(AnatomyLoad load)
    {
        var text = new StringBuilder()
            .Append("The anatomy file `").Append(load.Origin).Append("` has ").Append(load.Errors.Count)
            .Append(load.Errors.Count == 1 ? " error" : " errors")
            .Append(", so this pull request was not evaluated. Nothing is blocked; fix the file and the check runs again.\n\n");
        foreach (var error in load.Errors.Take(50))
        {
            text.Append("- line ").Append(error.Position.Line).Append(", column ").Append(error.Position.Column)
                .Append(" `").Append(error.Code.Replace('`', '\'')).Append("`: ").Append(Escape(error.Message)).Append('\n');
        }

        if (load.Errors.Count > 50)
        {
            text.Append("- … and ").Append(load.Errors.Count - 50).Append(" more (run `anatomybot lint`)\n");
        }

        return ("The anatomy file has errors", text.ToString());
    }

    private static string Escape(string message) =>
        message.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace("@", "@\u200B", StringComparison.Ordinal);
}
