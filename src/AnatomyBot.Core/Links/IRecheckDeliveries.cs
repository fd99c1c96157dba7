using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Core.Links;

/// <summary>Per platform: synthetic deliveries that re-evaluate listed items through the queue, the way the nightly sweep's
/// do (each such delivery evaluates exactly its items and follows no links itself).</summary>
public interface IRecheckDeliveries
{
    ItemSource Source { get; }

    /// <summary>Deliveries re-evaluating <paramref name="items"/> (all of <see cref="Source"/>), with ids beginning
    /// <c>recheck:{causeId}:</c>, the same for the same cause and items, so a retried cause queues nothing twice.</summary>
    IReadOnlyList<Delivery> Create(string causeId, IReadOnlyList<LinkingItem> items, DateTimeOffset at);
}
