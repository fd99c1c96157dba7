namespace AnatomyBot.Core.Policy;

/// <summary>Rules that apply only to a GitHub repository (<c>owner/repo</c>, case-insensitive) or to an Azure DevOps
/// area path and everything under it. Exactly one of <see cref="Repository"/> and <see cref="AreaPath"/> is set.</summary>
public sealed record PolicyScope
{
    public string? Repository { get; init; }

    public string? AreaPath { get; init; }

    public IReadOnlyDictionary<ItemKind, PolicyRule> Rules { get; init; } = new Dictionary<ItemKind, PolicyRule>();
}
