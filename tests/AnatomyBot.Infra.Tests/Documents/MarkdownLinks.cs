using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AnatomyBot.Infra.Tests.Documents;

/// <summary>The relative links of a Markdown file, read with Markdig as GitHub renders it (pipe tables, GitHub heading
/// ids), and whether each leads to a file or folder that exists and, for a <c>#fragment</c> into Markdown, to a heading.</summary>
internal static class MarkdownLinks
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    /// <summary>Every link and image target in <paramref name="markdownFile"/> that is not a URL with a scheme.</summary>
    public static IReadOnlyList<string> Relative(string markdownFile) =>
        [.. Markdown.Parse(File.ReadAllText(markdownFile), Pipeline)
            .Descendants<LinkInline>()
            .Select(link => link.Url ?? "")
            .Where(url => url.Length > 0 && !Uri.TryCreate(url, UriKind.Absolute, out _))];

    /// <summary>The links of <paramref name="markdownFile"/> that lead nowhere, each with the reason.</summary>
    public static IReadOnlyList<string> Broken(string markdownFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(markdownFile))!;
        var broken = new List<string>();
        foreach (var link in Relative(markdownFile))
        {
            var hash = link.IndexOf('#', StringComparison.Ordinal);
            var path = Uri.UnescapeDataString(hash < 0 ? link : link[..hash]);
            var fragment = hash < 0 ? "" : link[(hash + 1)..];
            var target = path.Length == 0 ? Path.GetFullPath(markdownFile) : Path.GetFullPath(Path.Combine(folder, path));
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                broken.Add($"{link}: {target} does not exist");
            }
            else if (fragment.Length > 0 && target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !HeadingIds(target).Contains(fragment))
            {
                broken.Add($"{link}: no heading '#{fragment}' in {Path.GetFileName(target)}");
            }
        }

        return broken;
    }

    private static HashSet<string> HeadingIds(string markdownFile) =>
        [.. Markdown.Parse(File.ReadAllText(markdownFile), Pipeline)
            .Descendants<HeadingBlock>()
            .Select(heading => heading.GetAttributes().Id)
            .OfType<string>()];
}
