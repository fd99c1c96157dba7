using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.Core.Links;

/// <summary>Re-checks across platforms and levels: after a delivery changed items, the open items that link to them (pull
/// requests citing them, children naming them as parent) and, level by level, the items linking to those, are queued for
/// re-evaluation on their own platform through <see cref="IRecheckDeliveries"/> and the scheduler. Bounded: at most
/// <see cref="MaxPerChange"/> items and <see cref="MaxLevels"/> levels per delivery; each item once, never one the delivery
/// evaluated itself. Only a change from outside starts re-checks: the bot's own deliveries (nightly sweep, anatomy change,
/// re-check: <see cref="IsOwn"/>) start none, so links that go round (A links B links A) never loop.</summary>
public sealed class LinkRechecks(ILinkLedger links, IEnumerable<IRecheckDeliveries> platforms, IDeliveryScheduler scheduler)
{
    /// <summary>Most items re-checked for one delivery; the rest wait for the nightly sweep.</summary>
    public const int MaxPerChange = 100;

    /// <summary>Most levels followed from a changed item (epic, feature, story, pull request).</summary>
    public const int MaxLevels = 4;

    /// <summary>The id prefix of re-check deliveries.</summary>
    public const string Prefix = "recheck:";

    private static readonly string[] OwnPrefixes = ["sweep:", "anatomy:", Prefix];

    private readonly Dictionary<ItemSource, IRecheckDeliveries> _platforms = platforms.ToDictionary(p => p.Source);

    /// <summary>Whether <paramref name="delivery"/> is one the bot queued itself (ingress refuses such ids from outside).</summary>
    public static bool IsOwn(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return OwnPrefixes.Any(p => delivery.Id.StartsWith(p, StringComparison.Ordinal));
    }

    public async Task<RecheckResult> QueueAsync(Delivery cause, DeliveryResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(result);
        if (IsOwn(cause))
        {
            return RecheckResult.None;
        }

        var changed = result.Evaluations.Select(e => (e.Item.Source, e.Item.Id)).Concat(result.Gone.Select(g => (g.Source, g.Id))).ToList();
        var seen = changed.Select(c => (c.Source, ItemLinks.Key(c.Source, c.Id))).ToHashSet();
        var found = new List<LinkingItem>();
        var capped = false;
        var level = changed;
        for (var depth = 0; depth < MaxLevels && level.Count > 0 && !capped; depth++)
        {
            var next = new List<(ItemSource Source, string Id)>();
            foreach (var (source, id) in level)
            {
                foreach (var linking in await links.ListLinkingAsync(source, id, MaxPerChange + 1, cancellationToken).ConfigureAwait(false))
                {
                    if (!seen.Add((linking.Source, ItemLinks.Key(linking.Source, linking.Id))))
                    {
                        continue;
                    }

                    if (found.Count == MaxPerChange)
                    {
                        capped = true;
                        break;
                    }

                    found.Add(linking);
                    next.Add((linking.Source, linking.Id));
                }

                if (capped)
                {
                    break;
                }
            }

            level = next;
        }

        var queued = 0;
        foreach (var group in found.GroupBy(f => f.Source))
        {
            if (!_platforms.TryGetValue(group.Key, out var platform))
            {
                continue;
            }

            foreach (var delivery in platform.Create(cause.Id, [.. group], cause.ReceivedAt))
            {
                await scheduler.EnqueueAsync(delivery, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                queued++;
            }
        }

        return new RecheckResult(found.Count, queued, capped);
    }
}
