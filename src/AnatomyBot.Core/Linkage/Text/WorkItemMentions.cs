using System.Text.RegularExpressions;

namespace AnatomyBot.Core.Linkage.Text;

/// <summary>Finds the work items a pull request mentions: <c>AB#123</c>, <c>#45</c> (closing keywords included),
/// <c>owner/repo#45</c>, and full GitHub issue or Azure Boards work-item URLs.</summary>
internal static partial class WorkItemMentions
{
    public static void Find(string text, WorkItemDraft pr, List<string> ids)
    {
        foreach (Match match in Mention().Matches(text))
        {
            var groups = match.Groups;
            if (groups["ab"].Success || groups["ado"].Success)
            {
                ids.Add(groups["ab"].Success ? groups["ab"].Value : groups["ado"].Value);
            }
            else if (groups["ghnum"].Success)
            {
                ids.Add($"{groups["ghowner"].Value}/{groups["ghrepo"].Value}#{groups["ghnum"].Value}");
            }
            else if (groups["num"].Success)
            {
                var repo = groups["repo"].Success ? groups["repo"].Value : RepositoryOf(pr);
                ids.Add(repo is null ? groups["num"].Value : $"{repo}#{groups["num"].Value}");
            }
        }
    }

    /// <summary>Resolves <c>#12</c>, <c>owner/repo#12</c>, <c>12</c> or an issue URL relative to <paramref name="item"/>.</summary>
    public static string? ResolveOne(ReadOnlySpan<char> value, WorkItemDraft item)
    {
        var text = value.ToString();
        if (int.TryParse(text.TrimStart('#'), out var number) && number > 0)
        {
            var repo = RepositoryOf(item);
            return repo is null ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{repo}#{number}";
        }

        var found = new List<string>(1);
        Find(text, item, found);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary><c>owner/repo</c> of a GitHub item id <c>owner/repo#45</c>; null for Azure DevOps ids.</summary>
    public static string? RepositoryOf(WorkItemDraft item)
    {
        if (item.Source != ItemSource.GitHub)
        {
            return null;
        }

        var hash = item.Id.LastIndexOf('#');
        return hash > 0 ? item.Id[..hash] : item.Scope;
    }

    [GeneratedRegex(
        """
        (?<![\w#/])AB\#(?<ab>\d+)\b
        | https?://[^\s/]+/(?<ghowner>[\w.-]+)/(?<ghrepo>[\w.-]+)/issues/(?<ghnum>\d+)\b
        | https?://\S+?/_workitems/edit/(?<ado>\d+)\b
        | https?://\S+?/_apis/wit/workitems/(?<ado>\d+)\b
        | (?<![\w#/&])(?:(?<repo>[A-Za-z0-9][\w.-]*/[\w.-]+))?\#(?<num>\d+)\b
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mention();
}
