using AnatomyBot.Core.Linkage;

namespace AnatomyBot.Core.Links;

/// <summary>The links ledger: for each evaluated open item, the items it links to, so that a change to an item can find
/// the open pull requests and children that depend on it, across platforms. Closed and deleted items keep no links.</summary>
public interface ILinkLedger
{
    /// <summary>Replaces every outgoing link of <paramref name="item"/> with <paramref name="links"/> (duplicates once, at
    /// most <see cref="ItemLinks.MaxPerItem"/>, links to the item itself ignored); an empty list drops them all.</summary>
    Task ReplaceAsync(LinkingItem item, IReadOnlyList<ItemLink> links, CancellationToken cancellationToken);

    /// <summary>The items that link to (<paramref name="source"/>, <paramref name="id"/>), in no set order; at most
    /// <paramref name="max"/>.</summary>
    Task<IReadOnlyList<LinkingItem>> ListLinkingAsync(ItemSource source, string id, int max, CancellationToken cancellationToken);
}
