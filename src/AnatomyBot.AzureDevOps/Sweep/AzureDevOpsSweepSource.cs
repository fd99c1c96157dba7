using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Sweep;

/// <summary>The nightly sweep for Azure DevOps: the open epics, features and stories and the active pull requests of the
/// boards project, as <see cref="ReconcileDeliveries"/> (so the processor repairs whatever a lost or disabled service hook
/// missed, with the same dedupe, retries and ledger as a webhook).</summary>
public sealed class AzureDevOpsSweepSource(OpenItemLister lister) : ISweepSource
{
    public string Platform => Platforms.AzureDevOps;

    public async Task<IReadOnlyList<Delivery>> CreateSweepDeliveriesAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var items = await lister.ListAsync(cancellationToken).ConfigureAwait(false);
        return ReconcileDeliveries.Create(ReconcileDeliveries.SweepPrefix(at), items, anatomyVersion: null, at);
    }
}
