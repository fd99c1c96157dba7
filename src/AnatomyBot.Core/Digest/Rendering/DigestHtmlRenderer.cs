using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>The same Markdown as a standalone HTML page (for e-mail or a static site), rendered with Markdig. The page is
/// self-contained: the Mermaid script is inlined, so the pictures draw with no network, and nothing else is loaded.</summary>
public static partial class DigestHtmlRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private const string Style =
        "body{font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;line-height:1.5;color:#1f2328;margin:0}"
        + "main{max-width:1000px;margin:0 auto;padding:24px}"
        + "table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid #d0d7de;padding:4px 10px}th{background:#f6f8fa}"
        + "code{background:#f6f8fa;padding:1px 4px;border-radius:4px}pre.mermaid{background:none}"
        + "blockquote{border-left:4px solid #d0d7de;margin:0;padding:0 12px;color:#59636e}";

    /// <summary>A whole page from the digest (the GitHub flavour of its Markdown, uncut) with <paramref name="mermaid"/> inlined.</summary>
    public static string Render(WeeklyDigest digest, MermaidScript mermaid)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return RenderPage(DigestMarkdownRenderer.Render(digest, new DigestRenderOptions { Flavor = DigestFlavor.GitHub }), digest.Title, mermaid);
    }

    /// <summary>A whole page from digest Markdown in the GitHub flavour, with <paramref name="mermaid"/> inlined.</summary>
    public static string RenderPage(string markdown, string title, MermaidScript mermaid)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(mermaid);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        var fallback = renderer.ObjectRenderers.FindExact<CodeBlockRenderer>()
            ?? throw new InvalidOperationException("Markdig's HTML renderer has no code block renderer.");
        renderer.ObjectRenderers.Replace<CodeBlockRenderer>(new MermaidAwareCodeBlockRenderer(fallback));
        renderer.Render(Markdown.Parse(markdown, Pipeline));
        writer.Flush();
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + $"<title>{WebUtility.HtmlEncode(title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n<main>\n"
            + writer.ToString()
            + "</main>\n"
            + $"<script data-mermaid-version=\"{WebUtility.HtmlEncode(mermaid.Version)}\">\n{ScriptText(mermaid.Source)}\n</script>\n"
            + "<script>mermaid.initialize({ startOnLoad: true, securityLevel: 'strict' });</script>\n</body>\n</html>\n";
    }

    /// <summary>Script text that cannot end its element early or make the HTML parser read past its end: <c>&lt;/script</c>
    /// and <c>&lt;!--</c> become escapes that mean the same characters inside the strings, regular expressions and
    /// comments where a script can hold them.</summary>
    internal static string ScriptText(string source) =>
        EndOfScript().Replace(source, "<\\$1").Replace("<!--", "<\\x21--", StringComparison.Ordinal);

    [GeneratedRegex("<(/script)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndOfScript();
}
