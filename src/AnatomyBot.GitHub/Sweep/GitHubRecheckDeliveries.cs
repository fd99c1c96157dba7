using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Links;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Policy;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Events;

namespace AnatomyBot.GitHub.Sweep;

/// <summary>Re-checks on GitHub: one sweep-kind delivery per issue or pull request (<see cref="SweepDelivery"/>, reason
/// <c>linked item changed</c>), id <c>recheck:{cause}:{owner/repo#N}</c>; the handler reconciles it like the nightly
/// sweep's, following no links itself.</summary>
public sealed class GitHubRecheckDeliveries(GitHubConnections connections) : IRecheckDeliveries
{
    public ItemSource Source => ItemSource.GitHub;

    public IReadOnlyList<Delivery> Create(string causeId, IReadOnlyList<LinkingItem> items, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(items);
        var deliveries = new List<Delivery>(items.Count);
        foreach (var item in items)
        {
            if (IssueId.TryParse(item.Id) is { } id)
            {
                deliveries.Add(SweepDelivery.Create(
                    $"{LinkRechecks.Prefix}{causeId}:{id}", id, item.Kind == ItemKind.PullRequest, connections.InstallationOf(id.Repository), "linked item changed", at));
            }
        }

        return deliveries;
    }
}
