using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>Renders <c>```mermaid</c> fences as <c>&lt;pre class="mermaid"&gt;</c>, which mermaid.js draws in the
/// browser; every other code block as Markdig does.</summary>
internal sealed class MermaidAwareCodeBlockRenderer(CodeBlockRenderer fallback) : HtmlObjectRenderer<CodeBlock>
{
    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        if (obj is FencedCodeBlock { Info: "mermaid" })
        {
            renderer.EnsureLine();
            renderer.Write("<pre class=\"mermaid\">");
            renderer.WriteLeafRawLines(obj, true, true);
            renderer.WriteLine("</pre>");
            return;
        }

        fallback.Write(renderer, obj);
    }
}
