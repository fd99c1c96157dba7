namespace AnatomyBot.Core.Digest.Rendering;

/// <summary>Where the Markdown is read: GitHub renders fenced <c>```mermaid</c> blocks; Azure DevOps wikis use
/// <c>::: mermaid</c> blocks (and have no <c>xychart-beta</c>, so the trend is a table there).</summary>
public enum DigestFlavor
{
    GitHub,
    AzureDevOps,
}
