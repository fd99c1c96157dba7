using System.Collections.ObjectModel;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Linkage;

/// <summary>A work item as a reader fills it: what the engine reads of a <see cref="WorkItem"/> (its body is given
/// apart), in settable properties, so that a reader of a whole backlog fills one per worker, item after item, instead of
/// making a work item per item (<see cref="Batch.BacklogPart.Add(WorkItemDraft, ReadOnlySpan{char})"/>). The engine
/// keeps no reference to the draft, only to the values read from it: give each item its own lists rather than refilling
/// one.</summary>
public sealed class WorkItemDraft
{
    /// <inheritdoc cref="WorkItem.Id"/>
    public string Id { get; set; } = "";

    public ItemSource Source { get; set; }

    public ItemKind Kind { get; set; }

    public string Title { get; set; } = "";

    public BodyFormat BodyFormat { get; set; } = BodyFormat.Markdown;

    /// <inheritdoc cref="WorkItem.Labels"/>
    public IReadOnlyList<string> Labels { get; set; } = [];

    /// <inheritdoc cref="WorkItem.Fields"/>
    public IReadOnlyDictionary<string, string> Fields { get; set; } = ReadOnlyDictionary<string, string>.Empty;

    /// <inheritdoc cref="WorkItem.ParentId"/>
    public string? ParentId { get; set; }

    /// <inheritdoc cref="WorkItem.LinkedItemIds"/>
    public IReadOnlyList<string> LinkedItemIds { get; set; } = [];

    /// <inheritdoc cref="WorkItem.ChangedPaths"/>
    public IReadOnlyList<string> ChangedPaths { get; set; } = [];

    /// <inheritdoc cref="WorkItem.Author"/>
    public string? Author { get; set; }

    /// <inheritdoc cref="WorkItem.Scope"/>
    public string? Scope { get; set; }

    /// <inheritdoc cref="WorkItem.Url"/>
    public string? Url { get; set; }

    public bool IsOpen { get; set; } = true;

    /// <inheritdoc cref="WorkItem.Diagnostics"/>
    public IReadOnlyList<string> Diagnostics { get; set; } = [];

    /// <summary>Fills the draft from <paramref name="item"/> (every property the draft has).</summary>
    public WorkItemDraft From(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Id = item.Id;
        Source = item.Source;
        Kind = item.Kind;
        Title = item.Title;
        BodyFormat = item.BodyFormat;
        Labels = item.Labels;
        Fields = item.Fields;
        ParentId = item.ParentId;
        LinkedItemIds = item.LinkedItemIds;
        ChangedPaths = item.ChangedPaths;
        Author = item.Author;
        Scope = item.Scope;
        Url = item.Url;
        IsOpen = item.IsOpen;
        Diagnostics = item.Diagnostics;
        return this;
    }

    /// <summary>The work item the draft describes, with what a draft has no room for: its body and state (and its link
    /// when given, else the draft's).</summary>
    public WorkItem ToWorkItem(string body = "", string? url = null, string? state = null) => new()
    {
        Id = Id,
        Source = Source,
        Kind = Kind,
        Title = Title,
        Body = body,
        BodyFormat = BodyFormat,
        Labels = Labels,
        Fields = Fields,
        ParentId = ParentId,
        LinkedItemIds = LinkedItemIds,
        ChangedPaths = ChangedPaths,
        Author = Author,
        Scope = Scope,
        Url = url ?? Url,
        State = state,
        IsOpen = IsOpen,
        Diagnostics = Diagnostics,
    };
}
