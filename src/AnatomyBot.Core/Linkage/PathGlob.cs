using System.Text;
using System.Text.RegularExpressions;

namespace AnatomyBot.Core.Linkage;

/// <summary>A CODEOWNERS-style path pattern, compiled once. <c>*</c> matches within one path segment, <c>**</c> across
/// segments, <c>?</c> one character; a leading <c>/</c> or a <c>/</c> inside anchors the pattern at the repository root,
/// otherwise it matches at any depth; a trailing <c>/</c>, or a last segment without wildcards, also matches
/// everything beneath (<c>docs/*</c> does not reach <c>docs/a/b.md</c>). Case-sensitive, like Git.</summary>
public sealed class PathGlob
{
    private Regex? _regex;

    public PathGlob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
    }

    public string Pattern { get; }

    /// <summary>Whether <paramref name="path"/> matches; throws <see cref="RegexMatchTimeoutException"/> only if the
    /// bound is reached.</summary>
    public bool IsMatch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Regex.IsMatch(path.TrimStart('/'));
    }

    /// <summary>The pattern as a regular expression, built when first matched: building a non-backtracking expression
    /// costs far more than a backtracking one, and most evaluations (every work item, pull requests without changed
    /// files) match no path at all. Non-backtracking because a glob such as <c>*a*a*a*a*a*a*a*b</c> is a chain of
    /// <c>[^/]*</c> that a backtracking engine explores in polynomial time on a long path; this engine is linear in the
    /// path whatever the glob. The timeout is a bound that should never fire.</summary>
    private Regex Regex => LazyInitializer.EnsureInitialized(ref _regex, () =>
        new Regex(ToRegex(Pattern.Trim()), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(200)));

    internal static string ToRegex(string pattern)
    {
        var directory = pattern.EndsWith('/');
        var body = pattern.Trim('/');
        var anchored = pattern.StartsWith('/') || body.Contains('/', StringComparison.Ordinal);
        var lastSegment = body[(body.LastIndexOf('/') + 1)..];
        var descend = directory || lastSegment.IndexOfAny(['*', '?', '[']) < 0 || body.EndsWith("**", StringComparison.Ordinal);

        var regex = new StringBuilder("^");
        if (!anchored)
        {
            regex.Append("(?:.*/)?");
        }

        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '*' && i + 1 < body.Length && body[i + 1] == '*')
            {
                var slashAfter = i + 2 < body.Length && body[i + 2] == '/';
                regex.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append(descend ? "(?:/.*)?$" : "$");
        return regex.ToString();
    }
}
