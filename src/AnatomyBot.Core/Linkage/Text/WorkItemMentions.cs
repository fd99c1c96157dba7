using System.Text.RegularExpressions;

namespace AnatomyBot.Core.Linkage.Text;

/// <summary>Finds the work items a pull request mentions: <c>AB#123</c>, <c>#45</c> (closing keywords included),
/// <c>owner/repo#45</c>, and full GitHub issue or Azure Boards work-item URLs. The pattern runs on the non-backtracking
/// engine, so its time is linear in the text whatever the text is; a line is cut at <see cref="MaxLineChars"/> first.</summary>
internal static partial class WorkItemMentions
{
    /// <summary>Text past this many characters of one line is not searched.</summary>
    public const int MaxLineChars = 64 * 1024;

    /// <summary>The diagnostic of a line the pattern gave up on (never expected: the engine is linear; kept as a bound).</summary>
    public const string TimedOut = "a line of the description took too long to search for work-item mentions; it was skipped";

    public static void Find(string text, WorkItemDraft pr, List<string> ids, List<string> diagnostics)
    {
        if (text.Length > MaxLineChars)
        {
            text = text[..MaxLineChars];
        }

        try
        {
            foreach (Match match in Mention().Matches(text))
            {
                Add(match.Groups, pr, ids);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            diagnostics.Add(TimedOut);
        }
    }

    /// <summary>Resolves <c>#12</c>, <c>owner/repo#12</c>, <c>12</c> or an issue URL relative to <paramref name="item"/>.</summary>
    public static string? ResolveOne(ReadOnlySpan<char> value, WorkItemDraft item, List<string> diagnostics)
    {
        var text = value.ToString();
        if (int.TryParse(text.TrimStart('#'), out var number) && number > 0)
        {
            var repo = RepositoryOf(item);
            return repo is null ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{repo}#{number}";
        }

        var found = new List<string>(1);
        Find(text, item, found, diagnostics);
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

    private static void Add(GroupCollection groups, WorkItemDraft pr, List<string> ids)
    {
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

    /// <remarks>The non-backtracking engine has no look-behind: a mention that must not follow a word character, <c>#</c>
    /// or <c>/</c> instead starts at the text's start or consumes the one character before it. That character is never
    /// part of another mention (every mention ends in a digit, which would itself forbid the next one).</remarks>
    [GeneratedRegex(
        """
        (?:^|[^\w#/])AB\#(?<ab>[0-9]+)\b
        | https?://[^\s/]+/(?<ghowner>[\w.-]+)/(?<ghrepo>[\w.-]+)/issues/(?<ghnum>[0-9]+)\b
        | https?://\S+?/_workitems/edit/(?<ado>[0-9]+)\b
        | https?://\S+?/_apis/wit/workitems/(?<ado>[0-9]+)\b
        | (?:^|[^\w#/&])(?:(?<repo>[A-Za-z0-9][\w.-]*/[\w.-]+))?\#(?<num>[0-9]+)\b
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture
            | RegexOptions.NonBacktracking,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Mention();
}
