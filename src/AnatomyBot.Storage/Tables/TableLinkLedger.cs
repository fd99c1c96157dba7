using System.Globalization;
using System.Net;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Links;
using AnatomyBot.Core.Policy;
using Azure;
using Azure.Data.Tables;

namespace AnatomyBot.Storage.Tables;

/// <summary>The links ledger on Azure Table Storage, in <c>{prefix}Links</c>: each link is a forward row in the linking
/// item's partition (<c>f|{source}|{item}</c>, row <c>{target source}|{target}</c>) and a reverse row in the target's
/// partition (<c>r|{target source}|{target}</c>, row <c>{source}|{item}</c>, with the item's kind), so both "what does
/// this item link to" and "who links to this item" are one partition read. A replacement writes the new reverse rows
/// first, then the forward partition in transactions, then removes the reverse rows no longer linked: an interrupted
/// replacement leaves at worst a reverse row too many, which costs one needless re-check, never a missed one.</summary>
public sealed class TableLinkLedger(TableLedgerStore store) : ILinkLedger
{
    private const int MaxTransaction = 100;

    public async Task ReplaceAsync(LinkingItem item, IReadOnlyList<ItemLink> links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var kept = ItemLinks.Normalize(item, links);
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var forward = ForwardPartition(item.Source, item.Id);
        var previous = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {forward}");
        await foreach (var row in store.Links.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            previous.Add(row.RowKey);
        }

        var rows = kept.ToDictionary(l => Row(l.Source, l.Id), StringComparer.Ordinal);
        var self = Row(item.Source, item.Id);
        foreach (var (_, link) in rows)
        {
            var reverse = new TableEntity(ReversePartition(link.Source, link.Id), self)
            {
                ["ItemKind"] = (int)item.Kind,
                ["Kind"] = (int)link.Kind,
            };
            await store.Links.UpsertEntityAsync(reverse, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        var stale = previous.Where(r => !rows.ContainsKey(r)).ToList();
        var actions = rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(forward, r.Key) { ["Kind"] = (int)r.Value.Kind }))
            .Concat(stale.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(forward, r), ETag.All)))
            .ToList();
        foreach (var chunk in actions.Chunk(MaxTransaction))
        {
            await store.Links.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }

        foreach (var row in stale)
        {
            var (source, id) = Parse(row);
            try
            {
                await store.Links.DeleteEntityAsync(ReversePartition(source, id), self, ETag.All, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
            {
                // Already gone: an earlier interrupted replacement removed it.
            }
        }
    }

    public async Task<IReadOnlyList<LinkingItem>> ListLinkingAsync(ItemSource source, string id, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var found = new List<LinkingItem>();
        if (max == 0)
        {
            return found;
        }

        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReversePartition(source, ItemLinks.Key(source, id))}");
        await foreach (var row in store.Links.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var (itemSource, itemId) = Parse(row.RowKey);
            found.Add(new LinkingItem(itemSource, itemId, (ItemKind)(row.GetInt32("ItemKind") ?? 0)));
            if (found.Count == max)
            {
                break;
            }
        }

        return found;
    }

    private static string ForwardPartition(ItemSource source, string id) => TableKey.Join("f", Code(source), TableKey.Escape(id));

    private static string ReversePartition(ItemSource source, string id) => TableKey.Join("r", Code(source), TableKey.Escape(id));

    private static string Row(ItemSource source, string id) => TableKey.Join(Code(source), TableKey.Escape(id));

    private static string Code(ItemSource source) => ((int)source).ToString(CultureInfo.InvariantCulture);

    private static (ItemSource Source, string Id) Parse(string row)
    {
        var separator = row.IndexOf(TableKey.Separator, StringComparison.Ordinal);
        return ((ItemSource)int.Parse(row.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture), TableKey.Unescape(row[(separator + 1)..]));
    }
}
