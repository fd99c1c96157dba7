using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>The work items a pull request links to, and any problems with the item's own data.</summary>
internal static class LinksSection
{
    public static void Write(MarkdownChunks md, ItemEvaluation evaluation)
    {
        if (evaluation.Item.Kind == Policy.ItemKind.PullRequest)
        {
            md.AddSticky("#### Linked work items", "");
            if (evaluation.LinkedItems.Count == 0)
            {
                md.Add("- none found");
            }

            foreach (var id in evaluation.LinkedItems.Distinct().Order(StringComparer.Ordinal))
            {
                md.Add("- " + Reference(id, evaluation.Item.Source));
            }

            md.Blank();
        }

        if (evaluation.Diagnostics.Count > 0)
        {
            md.AddSticky("#### Notes", "");
            foreach (var diagnostic in evaluation.Diagnostics)
            {
                md.Add("- " + MarkdownText.EscapeKeepingCode(diagnostic));
            }

            md.Blank();
        }
    }

    /// <summary>A reference the platform turns into a link: <c>#123</c> on Azure DevOps, <c>AB#123</c> (Azure Boards) or
    /// <c>owner/repo#45</c> on GitHub.</summary>
    private static string Reference(string id, ItemSource source)
    {
        if (id.Length > 0 && id.All(char.IsAsciiDigit))
        {
            return source == ItemSource.GitHub ? "AB#" + id : "#" + id;
        }

        var hash = id.LastIndexOf('#');
        var isGitHubRef = hash > 0 && id[(hash + 1)..].All(char.IsAsciiDigit) && hash < id.Length - 1
            && id[..hash].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');
        return isGitHubRef ? id : MarkdownText.Code(id);
    }
}
