using System.Collections.Concurrent;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>Wraps the real channel handler and counts how often each delivery id reached it.</summary>
internal sealed class CountingDeliveryHandler(IDeliveryHandler inner) : IDeliveryHandler
{
    public ConcurrentDictionary<string, int> Handled { get; } = new(StringComparer.Ordinal);

    public string Platform => inner.Platform;

    public Task<DeliveryResult> HandleAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        Handled.AddOrUpdate(delivery.Id, 1, (_, n) => n + 1);
        return inner.HandleAsync(delivery, cancellationToken);
    }
}
