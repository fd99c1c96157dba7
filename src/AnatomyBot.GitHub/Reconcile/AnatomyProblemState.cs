using System.Text;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.GitHub.Snapshot;

namespace AnatomyBot.GitHub.Reconcile;

/// <summary>What a pull request shows when its repository's anatomy does not parse: a neutral check and the sticky comment
/// listing the file's errors. Never a failure — a broken file must not block merges. Labels are left as they are. (A
/// repository with no anatomy at all never opted in and gets nothing.)</summary>
internal static class AnatomyProblemState
{
    public static DesiredState For(AnatomyLoad load, IReadOnlySet<string> currentOwnedLabels)
    {
        var (title, summary) = Invalid(load);
        return new DesiredState
        {
            OwnedLabels = currentOwnedLabels,
            Comment = $"{Markers.Comment}\n### AnatomyBot: {title}\n\n{summary}",
            Check = new CheckState(CheckConclusion.Neutral, title, summary),
        };
    }

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
