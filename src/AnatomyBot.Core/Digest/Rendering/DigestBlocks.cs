using System.Text;

namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>The digest as a list of whole Markdown blocks (a heading, a paragraph, a table, a diagram), so a cut to
/// fit a size limit always falls between blocks and never inside a table or a fence.</summary>
internal sealed class DigestBlocks
{
    private readonly List<string> _blocks = [];

    public void Add(string block) => _blocks.Add(block.TrimEnd('\n'));

    public void AddLines(IEnumerable<string> lines) => Add(string.Join('\n', lines));

    public string Join(int? maxLength, string? fullDigestUrl)
    {
        var full = string.Join("\n\n", _blocks) + "\n";
        if (maxLength is not { } limit || full.Length <= limit)
        {
            return full;
        }

        var notice = Notice(fullDigestUrl);
        var builder = new StringBuilder();
        foreach (var block in _blocks)
        {
            if (builder.Length + block.Length + 2 + notice.Length + 3 > limit)
            {
                break;
            }

            builder.Append(block).Append("\n\n");
        }

        return builder.Append(notice).Append('\n').ToString();
    }

    private static string Notice(string? url) => url is null
        ? "> **This digest was cut to fit.** The full digest is in the file the bot wrote alongside it."
        : $"> **This digest was cut to fit.** Read [the full digest]({url}).";
}
