namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>The Mermaid script an HTML digest inlines (the text of <c>mermaid.min.js</c>) and its version, for the page
/// to name.</summary>
public sealed record MermaidScript(string Version, string Source);
