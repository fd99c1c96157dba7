using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>The same Markdown as a standalone HTML page (for e-mail or a static site), rendered with Markdig; Mermaid
/// pictures are drawn in the browser by the mermaid script, loaded from the CDN at one pinned version and only if its
/// bytes match the Subresource Integrity hash (the npm package's <c>dist/mermaid.min.js</c>, which the CDN serves as is).</summary>
public static class DigestHtmlRenderer
{
    public const string MermaidVersion = "11.17.2";

    public const string MermaidScriptUrl = "https://cdn.jsdelivr.net/npm/mermaid@" + MermaidVersion + "/dist/mermaid.min.js";

    /// <summary>SHA-384 of <c>dist/mermaid.min.js</c> in the npm package <c>mermaid</c> at <see cref="MermaidVersion"/>.</summary>
    public const string MermaidIntegrity = "sha384-EOXBFmc3gx5mb+vn0vPvvGqACToJD24hhacX5Yx+8NUUQrHIle/Qi5Bg9o3zKwW2";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private const string Style =
        "body{font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;line-height:1.5;color:#1f2328;margin:0}"
        + "main{max-width:1000px;margin:0 auto;padding:24px}"
        + "table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid #d0d7de;padding:4px 10px}th{background:#f6f8fa}"
        + "code{background:#f6f8fa;padding:1px 4px;border-radius:4px}pre.mermaid{background:none}"
        + "blockquote{border-left:4px solid #d0d7de;margin:0;padding:0 12px;color:#59636e}";

    /// <summary>A whole page from the digest (the GitHub flavour of its Markdown, uncut).</summary>
    public static string Render(WeeklyDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return RenderPage(DigestMarkdownRenderer.Render(digest, new DigestRenderOptions { Flavor = DigestFlavor.GitHub }), digest.Title);
    }

    /// <summary>A whole page from digest Markdown in the GitHub flavour.</summary>
    public static string RenderPage(string markdown, string title)
    {
        ArgumentNullException.ThrowIfNull(markdown);
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
            + $"<script src=\"{MermaidScriptUrl}\" integrity=\"{MermaidIntegrity}\" crossorigin=\"anonymous\" referrerpolicy=\"no-referrer\"></script>\n"
            + "<script>mermaid.initialize({ startOnLoad: true });</script>\n</body>\n</html>\n";
    }
}
