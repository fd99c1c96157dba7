namespace AnatomyBot.Core.Linkage;

/// <summary>GitHub bodies are Markdown; Azure DevOps <c>System.Description</c> is HTML.</summary>
public enum BodyFormat
{
    Markdown,
    Html,
}
