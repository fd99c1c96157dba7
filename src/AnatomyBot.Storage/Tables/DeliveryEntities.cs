using System.Globalization;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using Azure.Data.Tables;

namespace AnatomyBot.Storage.Tables;

/// <summary>Delivery ↔ table entity. Main entity: partition = platform, row = delivery id (both escaped). Status index
/// entity: partition = status, row = <c>{received ticks:D19}|{platform}|{id}</c> so a partition lists oldest first.
/// Bodies are split over <c>Body0..BodyN</c> because one string property holds at most 32K characters.</summary>
internal static class DeliveryEntities
{
    private const int ChunkChars = 30_000;
    private const int MaxChunks = 15;

    public static TableEntity ToEntity(Delivery delivery, DeliveryStatus status, DateTimeOffset updatedAt, string? lastError)
    {
        if (delivery.Body.Length > ChunkChars * MaxChunks)
        {
            throw new ArgumentException(
                $"Delivery {delivery.Platform}/{delivery.Id} has a {delivery.Body.Length}-character body; the Table Storage ledger keeps at most {ChunkChars * MaxChunks}.",
                nameof(delivery));
        }

        var entity = new TableEntity(TableKey.Escape(delivery.Platform), TableKey.Escape(delivery.Id))
        {
            ["Platform"] = delivery.Platform,
            ["DeliveryId"] = delivery.Id,
            ["EventName"] = delivery.EventName,
            ["ReceivedAt"] = delivery.ReceivedAt.UtcTicks,
            ["Attempts"] = delivery.Attempts,
            ["Status"] = (int)status,
            ["UpdatedAt"] = updatedAt.UtcTicks,
            ["LastError"] = lastError,
        };
        var chunks = 0;
        for (var start = 0; start < delivery.Body.Length || chunks == 0; start += ChunkChars, chunks++)
        {
            entity["Body" + chunks.ToString(CultureInfo.InvariantCulture)] = delivery.Body.Substring(start, Math.Min(ChunkChars, delivery.Body.Length - start));
        }

        entity["BodyChunks"] = chunks;
        return entity;
    }

    public static DeliveryRecord FromEntity(TableEntity entity)
    {
        var chunks = entity.GetInt32("BodyChunks") ?? 0;
        var body = string.Concat(Enumerable.Range(0, chunks).Select(i => entity.GetString("Body" + i.ToString(CultureInfo.InvariantCulture))));
        var delivery = new Delivery
        {
            Platform = entity.GetString("Platform"),
            Id = entity.GetString("DeliveryId"),
            EventName = entity.GetString("EventName"),
            Body = body,
            ReceivedAt = Ticks(entity, "ReceivedAt"),
            Attempts = entity.GetInt32("Attempts") ?? 0,
        };
        return new DeliveryRecord(delivery, (DeliveryStatus)(entity.GetInt32("Status") ?? 0), Ticks(entity, "UpdatedAt"), entity.GetString("LastError"));
    }

    public static TableEntity StatusIndex(DeliveryStatus status, Delivery delivery) =>
        new(StatusPartition(status), IndexRow(delivery.ReceivedAt, delivery.Platform, delivery.Id));

    public static string StatusPartition(DeliveryStatus status) => status.ToString();

    public static string IndexRow(DateTimeOffset receivedAt, string platform, string id) =>
        TableKey.Join(receivedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture), TableKey.Escape(platform), TableKey.Escape(id));

    /// <summary>(received ticks, platform, id) from a status index row key.</summary>
    public static (long ReceivedTicks, string Platform, string Id) ParseIndexRow(string rowKey)
    {
        var parts = rowKey.Split(TableKey.Separator);
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), TableKey.Unescape(parts[1]), TableKey.Unescape(parts[2]));
    }

    internal static DateTimeOffset Ticks(TableEntity entity, string name) => new(entity.GetInt64(name) ?? 0, TimeSpan.Zero);
}
