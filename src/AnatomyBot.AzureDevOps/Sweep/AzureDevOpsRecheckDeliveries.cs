using System.Globalization;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Links;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Sweep;

/// <summary>Re-checks on Azure DevOps: the work items and pull requests as the sweep's <see cref="ReconcileDeliveries"/>
/// under the prefix <c>recheck:{cause}</c>, each evaluating exactly its items.</summary>
public sealed class AzureDevOpsRecheckDeliveries : IRecheckDeliveries
{
    public ItemSource Source => ItemSource.AzureDevOps;

    public IReadOnlyList<Delivery> Create(string causeId, IReadOnlyList<LinkingItem> items, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(items);
        var workItems = new List<int>();
        var pullRequests = new List<PullRequestRef>();
        foreach (var item in items)
        {
            if (int.TryParse(item.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                workItems.Add(id);
            }
            else if (PullRequestIds.TryParse(item.Id, out var pr))
            {
                pullRequests.Add(pr);
            }
        }

        workItems.Sort();
        var listing = new OpenItemListing(workItems, pullRequests, Truncated: false);
        return ReconcileDeliveries.Create(LinkRechecks.Prefix + causeId, listing, anatomyVersion: null, at);
    }
}
