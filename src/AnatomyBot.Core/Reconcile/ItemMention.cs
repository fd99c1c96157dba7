using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Reconcile;

/// <summary>How a comment names another item so the platform links it: <c>#12</c> for an issue of the same repository,
/// <c>owner/repo#12</c> for one of another repository, <c>AB#1207</c> for an Azure Boards item seen from GitHub,
/// <c>#102</c> on Azure DevOps; anything else as code.</summary>
internal static class ItemMention
{
    public static string Of(string id, WorkItem from)
    {
        if (id.Length > 0 && id.All(char.IsAsciiDigit))
        {
            return from.Source == ItemSource.GitHub ? "AB#" + id : "#" + id;
        }

        var hash = id.LastIndexOf('#');
        var isGitHubRef = hash > 0 && hash < id.Length - 1 && id[(hash + 1)..].All(char.IsAsciiDigit)
            && id[..hash].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');
        if (!isGitHubRef)
        {
            return MarkdownText.Code(id);
        }

        var ownHash = from.Id.LastIndexOf('#');
        var sameRepository = ownHash > 0 && string.Equals(from.Id[..ownHash], id[..hash], StringComparison.OrdinalIgnoreCase);
        return sameRepository ? id[hash..] : id;
    }

    /// <summary>Up to <paramref name="max"/> mentions of <paramref name="ids"/> (distinct, in id order), and how many
    /// more there are.</summary>
    public static (IReadOnlyList<string> Shown, int More) Some(IEnumerable<string> ids, WorkItem from, int max)
    {
        var distinct = ids.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        return ([.. distinct.Take(max).Select(id => Of(id, from))], Math.Max(0, distinct.Count - max));
    }
}
