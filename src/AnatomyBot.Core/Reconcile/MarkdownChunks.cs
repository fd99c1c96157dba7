using System.Text;

namespace AnatomyBot.Core.Reconcile;

/// <summary>A Markdown document kept as atomic chunks (a list item, a table row, a heading) so that a size limit cuts it
/// between chunks, never inside a table row, and ends it with a pointer to the rest.</summary>
internal sealed class MarkdownChunks
{
    private readonly List<(string Text, bool Sticky)> _chunks = [];

    public int Count => _chunks.Count;

    /// <summary>Adds one atomic piece; each line gets a trailing newline.</summary>
    public MarkdownChunks Add(params string[] lines) => Append(lines, sticky: false);

    /// <summary>Adds a piece that only makes sense with what follows it (a heading, a table header): when the cut falls
    /// right after it, it goes too.</summary>
    public MarkdownChunks AddSticky(params string[] lines) => Append(lines, sticky: true);

    public MarkdownChunks Blank() => Add("");

    /// <summary>All chunks and <paramref name="tail"/>, or, past <paramref name="limit"/>, as many chunks as fit, a blank
    /// line, the pointer for the omitted lines, and the tail.</summary>
    public string Build(int limit, string tail, Func<int, string> pointer)
    {
        var full = string.Concat(_chunks.Select(c => c.Text)) + tail;
        if (full.Length <= limit)
        {
            return full;
        }

        var budget = limit - tail.Length - pointer(CountLines(full)).Length - 1;
        var kept = 0;
        var used = 0;
        while (kept < _chunks.Count && used + _chunks[kept].Text.Length <= budget)
        {
            used += _chunks[kept].Text.Length;
            kept++;
        }

        while (kept > 0 && _chunks[kept - 1].Sticky)
        {
            kept--;
        }

        var sb = new StringBuilder(limit);
        foreach (var chunk in _chunks.Take(kept))
        {
            sb.Append(chunk.Text);
        }

        var omitted = _chunks.Skip(kept).Sum(c => CountLines(c.Text));
        if (sb.Length > 0 && !EndsWithBlankLine(sb))
        {
            sb.Append('\n');
        }

        return sb.Append(pointer(omitted)).Append(tail).ToString();
    }

    private static int CountLines(string text) => text.Count(c => c == '\n');

    private static bool EndsWithBlankLine(StringBuilder sb) => sb.Length >= 2 && sb[^1] == '\n' && sb[^2] == '\n';

    private MarkdownChunks Append(string[] lines, bool sticky)
    {
        _chunks.Add((string.Concat(lines.Select(l => l + "\n")), sticky));
        return this;
    }
}
