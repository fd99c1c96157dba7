using System.Globalization;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Links;

/// <summary>Pure: the links an evaluated item makes, as the links ledger keeps them. A pull request links to the work
/// items it references (<c>#N</c>, <c>owner/repo#N</c>, <c>AB#N</c>, URLs, the platform's work-item links); every item
/// links to its parent. An id with <c>#</c> is a GitHub issue, a plain number an Azure Boards work item; anything else
/// (an Azure DevOps pull request id) is not a link target.</summary>
public static class ItemLinks
{
    /// <summary>Most links kept for one item (a pull request's references are already capped at
    /// <see cref="ReferenceExtractor.MaxLinkedReferences"/>, plus its parent).</summary>
    public const int MaxPerItem = 64;

    /// <summary>The item as the ledger lists it.</summary>
    public static LinkingItem ItemOf(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new LinkingItem(item.Source, item.Id, item.Kind);
    }

    /// <summary>The links <paramref name="item"/> makes; none for a closed item (its links are dropped).</summary>
    public static IReadOnlyList<ItemLink> Of(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.IsOpen)
        {
            return [];
        }

        var links = new List<ItemLink>();
        if (ReferenceExtractor.ParentOf(item) is { } parent && TargetOf(parent) is { } parentSource)
        {
            links.Add(new ItemLink(parentSource, parent, LinkKind.Parent));
        }

        foreach (var id in ReferenceExtractor.LinkedWorkItems(item))
        {
            if (TargetOf(id) is { } source)
            {
                links.Add(new ItemLink(source, id, LinkKind.Reference));
            }
        }

        return Normalize(ItemOf(item), links);
    }

    /// <summary>The links as stored: targets by <see cref="Key"/>, each once (the first kind given wins), never the item
    /// itself, at most <see cref="MaxPerItem"/>.</summary>
    public static IReadOnlyList<ItemLink> Normalize(LinkingItem item, IReadOnlyList<ItemLink> links)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(links);
        return
        [
            .. links
                .Where(l => !string.IsNullOrEmpty(l.Id))
                .Select(l => l with { Id = Key(l.Source, l.Id) })
                .Where(l => !(l.Source == item.Source && l.Id == Key(item.Source, item.Id)))
                .DistinctBy(l => (l.Source, l.Id))
                .Take(MaxPerItem),
        ];
    }

    /// <summary>The id a link target is stored and looked up by: GitHub ids in lower case (GitHub's owner and repository
    /// names are not case-sensitive, references are written by hand), Azure Boards ids as they are.</summary>
    public static string Key(ItemSource source, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return source == ItemSource.GitHub ? id.ToLowerInvariant() : id;
    }

    /// <summary>Which platform an id of the engine's id space names: <c>owner/repo#45</c> GitHub, <c>123</c> Azure Boards.</summary>
    public static ItemSource? TargetOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = id.LastIndexOf('#');
        if (hash > 0 && id.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash && slash < hash
            && int.TryParse(id.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return ItemSource.GitHub;
        }

        return int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var workItem) && workItem > 0
            ? ItemSource.AzureDevOps
            : null;
    }
}
