using System.Text.RegularExpressions;
using AnatomyBot.Core.Linkage;
using AnatomyBot.GitHub.Seams;

namespace AnatomyBot.GitHub.Interim;

/// <summary>INTERIM until Core's reference extraction lands on main: <c>#12</c>, <c>owner/repo#12</c>,
/// <c>https://github.com/owner/repo/issues/12</c> and <c>AB#123</c> in the title and body.</summary>
internal sealed partial class InterimReferenceReader : IReferenceReader
{
    public LinkedReferences Read(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var text = $"{item.Title}\n{item.Body}";
        var own = item.Id[..Math.Max(0, item.Id.IndexOf('#', StringComparison.Ordinal))];
        var issues = new List<string>();
        foreach (Match match in IssueReference().Matches(text))
        {
            var repo = match.Groups["repo"].Success ? match.Groups["repo"].Value : own;
            var id = $"{repo}#{match.Groups["n"].Value}";
            if (!string.Equals(id, item.Id, StringComparison.OrdinalIgnoreCase) && !issues.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                issues.Add(id);
            }
        }

        var boards = AzureBoards().Matches(text).Select(m => m.Groups["n"].Value).Distinct(StringComparer.Ordinal).ToList();
        return new LinkedReferences(issues, boards);
    }

    [GeneratedRegex(@"(?<![\w/#])(?:(?<repo>[\w.-]+/[\w.-]+)#|#|https?://[^/\s]+/(?<repo>[\w.-]+/[\w.-]+)/(?:issues|pull)/)(?<n>\d+)\b")]
    private static partial Regex IssueReference();

    [GeneratedRegex(@"\bAB#(?<n>\d+)\b")]
    private static partial Regex AzureBoards();
}
