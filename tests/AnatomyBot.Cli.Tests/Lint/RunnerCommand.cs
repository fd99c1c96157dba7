namespace AnatomyBot.Cli.Tests.Lint;

/// <summary>A workflow or logging command read back the way the CI runner reads it: the GitHub Actions runner
/// (<c>ActionCommand.TryParseV2</c>: a line starting with <c>::</c>, properties split on <c>,</c>, then unescaped) and the
/// Azure Pipelines agent (<c>Command.TryParse</c>: the first <c>##vso[</c> anywhere in the line up to the next
/// <c>]</c>, properties split on <c>;</c>, then unescaped, <c>%AZP25</c> last).</summary>
public sealed record RunnerCommand(string Name, IReadOnlyDictionary<string, string> Properties, string Data)
{
    public static RunnerCommand? ParseGitHub(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var message = line.TrimStart();
        if (!message.StartsWith("::", StringComparison.Ordinal))
        {
            return null;
        }

        var end = message.IndexOf("::", 2, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var info = message[2..end];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space > 0)
        {
            foreach (var pair in info[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2);
                if (parts.Length == 2)
                {
                    properties[parts[0]] = UnescapeGitHub(parts[1], property: true);
                }
            }
        }

        return new RunnerCommand(space < 0 ? info : info[..space], properties, UnescapeGitHub(message[(end + 2)..], property: false));
    }

    public static RunnerCommand? ParseAzure(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var prefix = line.IndexOf("##vso[", StringComparison.Ordinal);
        if (prefix < 0)
        {
            return null;
        }

        var close = line.IndexOf(']', prefix);
        if (close < 0)
        {
            return null;
        }

        var info = line[(prefix + 6)..close];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space > 0)
        {
            foreach (var pair in info[(space + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2)
                {
                    properties[parts[0]] = UnescapeAzure(parts[1]);
                }
            }
        }

        return new RunnerCommand(space < 0 ? info : info[..space], properties, UnescapeAzure(line[(close + 1)..]));
    }

    private static string UnescapeGitHub(string text, bool property)
    {
        text = text.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal);
        if (property)
        {
            text = text.Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal);
        }

        return text.Replace("%25", "%", StringComparison.Ordinal);
    }

    private static string UnescapeAzure(string text) => text
        .Replace("%3B", ";", StringComparison.Ordinal)
        .Replace("%0D", "\r", StringComparison.Ordinal)
        .Replace("%0A", "\n", StringComparison.Ordinal)
        .Replace("%5D", "]", StringComparison.Ordinal)
        .Replace("%AZP25", "%", StringComparison.Ordinal);
}
