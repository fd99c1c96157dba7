using System.Collections.ObjectModel;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>An epic, feature, story, other item or pull request as the engine sees it, whichever platform it came from.
/// Platform adapters build these at the boundary; nothing platform-specific goes deeper.</summary>
public sealed record WorkItem
{
    /// <summary>Azure DevOps: the numeric id as a string (<c>"123"</c>). GitHub: <c>owner/repo#45</c>.</summary>
    public required string Id { get; init; }

    public required ItemSource Source { get; init; }

    public required ItemKind Kind { get; init; }

    public required string Title { get; init; }

    /// <summary>Description or PR body, in <see cref="BodyFormat"/>; empty when there is none.</summary>
    public string Body { get; init; } = "";

    public BodyFormat BodyFormat { get; init; } = BodyFormat.Markdown;

    /// <summary>GitHub labels or Azure DevOps tags, as written.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Azure DevOps fields (reference name → value as text) that the policy may read references from.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Id of the parent item (same id space as <see cref="Id"/>), when the platform data carries it.</summary>
    public string? ParentId { get; init; }

    /// <summary>For pull requests: work items the platform links explicitly (Azure DevOps PR work-item links),
    /// in the same id space as <see cref="Id"/>. References in the body are found by the engine itself.</summary>
    public IReadOnlyList<string> LinkedItemIds { get; init; } = [];

    /// <summary>For pull requests: the changed file paths, repository-relative with forward slashes.</summary>
    public IReadOnlyList<string> ChangedPaths { get; init; } = [];

    /// <summary>Login or unique name of the author.</summary>
    public string? Author { get; init; }

    /// <summary>GitHub repository (<c>owner/repo</c>) or Azure DevOps area path; policy scopes match on it.</summary>
    public string? Scope { get; init; }

    /// <summary>Link a person can open.</summary>
    public string? Url { get; init; }

    /// <summary>Platform state as written (open, closed, Active, Resolved…).</summary>
    public string? State { get; init; }

    public bool IsOpen { get; init; } = true;

    /// <summary>For pull requests: when the platform merged it (GitHub <c>merged_at</c>, Azure DevOps <c>closedDate</c> of a
    /// completed pull request); null while it is not merged.</summary>
    public DateTimeOffset? MergedAt { get; init; }

    /// <summary>Problems the platform mapper found while reading the item (a truncated title, an unreadable field);
    /// the engine reports them with its own diagnostics.</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];
}
