namespace AnatomyBot.Fakes;

/// <summary>A path template written as the platform's API description writes it (<c>/repos/{owner}/{repo}/issues/{issue_number}</c>):
/// literal segments and <c>{name}</c> parameters of one segment each, except a last parameter marked greedy, which takes
/// the rest of the path (GitHub's <c>/contents/{path}</c>). Parameter values are unescaped.</summary>
public sealed class RouteTemplate
{
    private readonly string[] _segments;

    public RouteTemplate(string text, bool greedyLast = false, bool ignoreCase = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        Text = text;
        GreedyLast = greedyLast;
        IgnoreCase = ignoreCase;
        _segments = text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Literals = _segments.Count(s => !IsParameter(s));
    }

    /// <summary>The template as written, e.g. <c>/repos/{owner}/{repo}/labels</c>.</summary>
    public string Text { get; }

    public bool GreedyLast { get; }

    public bool IgnoreCase { get; }

    /// <summary>How many literal segments the template has: among several matches the most literal one wins
    /// (<c>/issues/comments/{comment_id}</c> before <c>/issues/{issue_number}/comments</c>).</summary>
    public int Literals { get; }

    public IEnumerable<string> Parameters => _segments.Where(IsParameter).Select(s => s[1..^1]);

    public bool TryMatch(IReadOnlyList<string> segments, out Dictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(segments);
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        var fits = GreedyLast ? segments.Count >= _segments.Length : segments.Count == _segments.Length;
        if (!fits)
        {
            return false;
        }

        var comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        for (var i = 0; i < _segments.Length; i++)
        {
            var template = _segments[i];
            if (!IsParameter(template))
            {
                if (!string.Equals(template, Uri.UnescapeDataString(segments[i]), comparison))
                {
                    return false;
                }

                continue;
            }

            var last = GreedyLast && i == _segments.Length - 1;
            var value = last ? string.Join('/', segments.Skip(i).Select(Uri.UnescapeDataString)) : Uri.UnescapeDataString(segments[i]);
            if (value.Length == 0)
            {
                return false;
            }

            values[template[1..^1]] = value;
        }

        return true;
    }

    public override string ToString() => Text;

    private static bool IsParameter(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';
}
