using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>Why an item is exempt: it carries an exempt label or tag, or it is a pull request by an exempt author
/// (case-insensitive; <c>*</c> and <c>?</c> wildcards, so <c>*[bot]</c> covers <c>dependabot[bot]</c>).</summary>
internal static class Exemptions
{
    public static string? Reason(WorkItemDraft item, AnatomyPolicy policy)
    {
        // Indexed: both lists are interfaces, whose enumerators would be objects, one per label, for every item.
        var labels = item.Labels;
        for (var l = 0; l < labels.Count; l++)
        {
            var label = labels[l].AsSpan().Trim();
            for (var e = 0; e < policy.ExemptLabels.Count; e++)
            {
                var exempt = policy.ExemptLabels[e];
                if (label.Equals(exempt, StringComparison.OrdinalIgnoreCase))
                {
                    return $"labelled `{exempt}`";
                }
            }
        }

        if (item.Kind == ItemKind.PullRequest && item.Author is { Length: > 0 } author)
        {
            for (var i = 0; i < policy.ExemptAuthors.Count; i++)
            {
                var pattern = policy.ExemptAuthors[i];
                if (WildcardMatch(pattern, author))
                {
                    return $"opened by `{author}` (exempt authors: `{pattern}`)";
                }
            }
        }

        return null;
    }

    /// <summary>Iterative wildcard match with single-star backtracking: linear in practice, never exponential.</summary>
    internal static bool WildcardMatch(string pattern, string text)
    {
        const int NoStar = -1;
        int p = 0, t = 0, star = NoStar, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star != NoStar)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
