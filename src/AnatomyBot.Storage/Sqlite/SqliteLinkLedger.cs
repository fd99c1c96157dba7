using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Links;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>The links ledger in SQLite: one row per link in the <c>links</c> table, keyed by the linking item and the
/// target, indexed by the target. An item's links are replaced in one transaction (delete, then insert).</summary>
public sealed class SqliteLinkLedger(SqliteLedgerDatabase database) : ILinkLedger
{
    public async Task ReplaceAsync(LinkingItem item, IReadOnlyList<ItemLink> links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var kept = ItemLinks.Normalize(item, links);
        await database.Batcher.WriteAsync(
            command =>
            {
                command.CommandText = "DELETE FROM links WHERE source = $source AND item_id = $item;";
                command.Parameters.AddWithValue("$source", (int)item.Source);
                command.Parameters.AddWithValue("$item", item.Id);
                command.ExecuteNonQuery();
                command.CommandText = "INSERT INTO links (source, item_id, item_kind, target_source, target_id, kind) VALUES ($source, $item, $kind, $ts, $tid, $lk);";
                var kind = command.Parameters.AddWithValue("$kind", (int)item.Kind);
                var targetSource = command.Parameters.AddWithValue("$ts", 0);
                var targetId = command.Parameters.AddWithValue("$tid", "");
                var linkKind = command.Parameters.AddWithValue("$lk", 0);
                foreach (var link in kept)
                {
                    targetSource.Value = (int)link.Source;
                    targetId.Value = link.Id;
                    linkKind.Value = (int)link.Kind;
                    command.ExecuteNonQuery();
                }

                return kept.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<LinkingItem>> ListLinkingAsync(ItemSource source, string id, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT source, item_id, item_kind FROM links WHERE target_source = $source AND target_id = $id LIMIT $max;";
        command.Parameters.AddWithValue("$source", (int)source);
        command.Parameters.AddWithValue("$id", ItemLinks.Key(source, id));
        command.Parameters.AddWithValue("$max", max);
        var found = new List<LinkingItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new LinkingItem((ItemSource)reader.GetInt32(0), reader.GetString(1), (ItemKind)reader.GetInt32(2)));
        }

        return found;
    }
}
