using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Inbox;
using AnatomyBot.Hosting.Processing;

namespace AnatomyBot.Cli.Hosting;

/// <summary><c>anatomybot replay</c>'s work: re-drive failed/poison deliveries from the ledger, or recorded payloads through
/// the platform ingress (so they are authenticated exactly as live ones), and wait until their retries have settled.</summary>
internal sealed class Replayer(
    IDeliveryLedger deliveries,
    IEnumerable<IWebhookIngress> ingresses,
    ProcessingRunner runner,
    LocalInbox inbox,
    TimeProvider time,
    TextWriter output)
{
    public async Task<IReadOnlyList<Delivery>> FromLedgerAsync(IEnumerable<DeliveryStatus> statuses, int max, CancellationToken cancellationToken)
    {
        var replayed = new List<Delivery>();
        foreach (var status in statuses)
        {
            foreach (var record in await deliveries.ListAsync(status, max, cancellationToken))
            {
                await ReplayAsync(record.Delivery, $"{status.ToString().ToLowerInvariant()} ", cancellationToken);
                replayed.Add(record.Delivery);
            }
        }

        return replayed;
    }

    public async Task<(IReadOnlyList<Delivery> Replayed, int Rejected)> FromFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var byPlatform = ingresses.ToDictionary(i => i.Platform, StringComparer.OrdinalIgnoreCase);
        var replayed = new List<Delivery>();
        var rejected = 0;
        foreach (var payload in RecordedPayloads.Read(folder))
        {
            var result = byPlatform.TryGetValue(payload.Platform, out var ingress)
                ? ingress.Accept(payload.Headers, payload.Body, time.GetUtcNow())
                : IngressResult.Rejected(404, $"platform '{payload.Platform}' is not configured");
            if (result.Delivery is not { } delivery)
            {
                await output.WriteLineAsync($"  {payload.Name}: {result.StatusCode} {result.Reason}");
                rejected += result.StatusCode >= 400 ? 1 : 0;
                continue;
            }

            await ReplayAsync(delivery, payload.Name + " ", cancellationToken);
            replayed.Add(delivery);
        }

        return (replayed, rejected);
    }

    /// <summary>Waits for scheduled retries, then counts the replayed deliveries that did not end processed.</summary>
    public async Task<int> UnfinishedAsync(IReadOnlyList<Delivery> replayed, CancellationToken cancellationToken)
    {
        await inbox.WaitIdleAsync(cancellationToken);
        var unfinished = 0;
        foreach (var delivery in replayed)
        {
            var record = await deliveries.GetAsync(delivery.Platform, delivery.Id, cancellationToken);
            if (record?.Status != DeliveryStatus.Processed)
            {
                unfinished++;
                await output.WriteLineAsync($"  {delivery.Platform} {delivery.Id}: {record?.Status.ToString() ?? "missing"} {record?.LastError}");
            }
        }

        return unfinished;
    }

    private async Task ReplayAsync(Delivery delivery, string label, CancellationToken cancellationToken)
    {
        var outcome = await runner.ReplayAsync(delivery, cancellationToken);
        await output.WriteLineAsync($"  {label}{delivery.Platform} {delivery.Id} ({delivery.EventName}): {outcome.Status}");
    }
}
