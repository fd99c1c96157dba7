using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Sweep;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;

namespace AnatomyBot.GitHub.Handling;

/// <summary>A change to the anatomy in the organisation's <c>GitHub:OrganizationConfigRepository</c> (<c>.github</c>)
/// reaches every repository that uses it: each other repository of the owner the bot can see (App mode: the installation's
/// repositories, <c>GET /installation/repositories</c> in pages of 100; token mode: <c>GitHub:Repositories</c>) is queued
/// as its own delivery (<see cref="SweepDelivery.CreateForRepository"/>), which re-sweeps it only when it has no anatomy
/// of its own. The listing is the push delivery's only cost, within its API budget; each repository's check and listing
/// run in its own delivery, within its own.</summary>
public sealed partial class OrganizationAnatomyFanOut(
    GitHubConnections connections,
    IDeliveryScheduler scheduler,
    IOptions<GitHubOptions> options,
    ILogger<OrganizationAnatomyFanOut> logger)
{
    /// <summary>Whether <paramref name="repository"/> is the organisation's configuration repository.</summary>
    public bool IsOrganizationConfig(RepositoryId repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return string.Equals(repository.Name, options.Value.OrganizationConfigRepository, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Queues every other repository of the owner of <paramref name="configRepository"/>; returns how many.</summary>
    public async Task<int> QueueAsync(Delivery push, IGitHubClient client, RepositoryId configRepository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(push);
        ArgumentNullException.ThrowIfNull(configRepository);
        var installation = connections.InstallationOf(configRepository);
        var repositories = (await RepositoriesAsync(client).ConfigureAwait(false))
            .Where(r => string.Equals(r.Owner, configRepository.Owner, StringComparison.OrdinalIgnoreCase)
                && !string.Equals(r.Name, configRepository.Name, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(r => r.ToString(), StringComparer.OrdinalIgnoreCase)
            .ToList();
        foreach (var repository in repositories)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var delivery = SweepDelivery.CreateForRepository(
                SweepDelivery.OrganizationAnatomyChangedId(push.Id, repository), repository, installation, "organisation anatomy changed", push.ReceivedAt);
            await scheduler.EnqueueAsync(delivery, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        Log.Queued(logger, push.Id, configRepository, repositories.Count);
        return repositories.Count;
    }

    private async Task<IReadOnlyList<RepositoryId>> RepositoriesAsync(IGitHubClient client)
    {
        if (!options.Value.UsesApp)
        {
            return [.. options.Value.SweepRepositories()];
        }

        var installed = await client.GitHubApps.Installation
            .GetAllRepositoriesForCurrent(new ApiOptions { PageSize = RepositoryOpenItems.PageSize }).ConfigureAwait(false);
        return [.. installed.Repositories.Select(r => RepositoryId.TryCreate(r.Owner.Login, r.Name)).OfType<RepositoryId>()];
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Delivery {DeliveryId}: the organisation anatomy in {Repository} changed; {Count} repositories queued to be re-swept unless they have an anatomy of their own")]
        public static partial void Queued(ILogger logger, string deliveryId, RepositoryId repository, int count);
    }
}
