using System.Collections.Concurrent;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Core.Tests.Pipeline;

/// <summary>The delivery-ledger contract in memory, for the processor's tests (the real ones are tested in Storage).</summary>
internal sealed class InMemoryDeliveryLedger : IDeliveryLedger
{
    private readonly ConcurrentDictionary<(string, string), DeliveryRecord> _records = new();

    public Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryAdd((delivery.Platform, delivery.Id), new DeliveryRecord(delivery, DeliveryStatus.Received, delivery.ReceivedAt)));

    public Task<DeliveryRecord?> GetAsync(string platform, string deliveryId, CancellationToken cancellationToken) =>
        Task.FromResult(_records.GetValueOrDefault((platform, deliveryId)));

    public Task MarkAsync(string platform, string deliveryId, DeliveryStatus status, DateTimeOffset at, string? lastError, CancellationToken cancellationToken)
    {
        var key = (platform, deliveryId);
        _records[key] = _records[key] with { Status = status, UpdatedAt = at, LastError = lastError };
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryStatus status, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryRecord>>(_records.Values.Where(r => r.Status == status).OrderBy(r => r.Delivery.ReceivedAt).Take(max).ToList());
}
