namespace AnatomyBot.Core.Policy;

/// <summary>Rules that apply only to a GitHub repository (<c>owner/repo</c>, case-insensitive), to an Azure DevOps area
/// path and everything under it, or to the items whose trace places them on a stage of a value stream. Exactly one of
/// <see cref="Repository"/>, <see cref="AreaPath"/> and <see cref="ValueStream"/> is set. A repository or area path
/// scope is more specific than a value-stream scope, which is more specific than the file-wide rules.</summary>
public sealed record PolicyScope
{
    public string? Repository { get; init; }

    public string? AreaPath { get; init; }

    /// <summary>The id of a value stream of the anatomy (as declared).</summary>
    public string? ValueStream { get; init; }

    /// <summary>The scope's <c>mode</c>, or null to keep the file-wide one.</summary>
    public PolicyMode? Mode { get; init; }

    public IReadOnlyDictionary<ItemKind, PolicyRule> Rules { get; init; } = new Dictionary<ItemKind, PolicyRule>();
}
