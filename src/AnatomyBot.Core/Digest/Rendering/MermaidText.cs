using System.Text;

namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>Mermaid blocks in the flavour's syntax, and labels that cannot break out of their quotes.</summary>
internal static class MermaidText
{
    public static string Block(DigestFlavor flavor, IEnumerable<string> lines)
    {
        var body = string.Join('\n', lines);
        return flavor == DigestFlavor.AzureDevOps ? $"::: mermaid\n{body}\n:::" : $"```mermaid\n{body}\n```";
    }

    /// <summary>Text for inside <c>"…"</c>: Mermaid entity codes for the characters that would end or mark up a label.</summary>
    public static string Label(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in text ?? "")
        {
            builder.Append(c switch
            {
                '#' => "#35;",
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '`' => "#96;",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
