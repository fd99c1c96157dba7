using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;

namespace AnatomyBot.GitHub.Sweep;

/// <summary>The nightly sweep for GitHub: every open issue and pull request of the repositories in
/// <c>GitHub:Repositories</c> (and, in App mode, of every repository the App is installed on) as a synthetic delivery the
/// <see cref="Handling.GitHubDeliveryHandler"/> reconciles like a webhook. A repository that cannot be listed (gone,
/// no access) is logged and skipped; rate limits and outages propagate so the sweep tries again next run.</summary>
public sealed partial class GitHubSweepSource(
    GitHubConnections connections,
    GitHubTokenSource tokens,
    IOptions<GitHubOptions> options,
    ILogger<GitHubSweepSource> logger) : ISweepSource
{
    public string Platform => Platforms.GitHub;

    public async Task<IReadOnlyList<Delivery>> CreateSweepDeliveriesAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var deliveries = new List<Delivery>();
        foreach (var repository in await RepositoriesAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var client = await connections.ForAsync(repository).ConfigureAwait(false);
                var installation = connections.InstallationOf(repository);
                foreach (var (item, isPullRequest) in await RepositoryOpenItems.ListAsync(client, repository).ConfigureAwait(false))
                {
                    deliveries.Add(SweepDelivery.Create(SweepDelivery.NightlyId(at, item), item, isPullRequest, installation, "nightly sweep", at));
                }
            }
            catch (ApiException e) when (e.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden
                or System.Net.HttpStatusCode.Gone or System.Net.HttpStatusCode.Unauthorized
                && e is not (RateLimitExceededException or SecondaryRateLimitExceededException or AbuseException))
            {
                Log.RepositorySkipped(logger, repository, e.StatusCode);
            }
        }

        return deliveries;
    }

    /// <summary>The configured repositories, then (App mode) every installed one, each once.</summary>
    private async Task<IReadOnlyList<RepositoryId>> RepositoriesAsync(CancellationToken cancellationToken)
    {
        var repositories = new List<RepositoryId>(options.Value.SweepRepositories());
        if (options.Value.UsesApp)
        {
            foreach (var installation in await tokens.ListInstallationsAsync().ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var installed = await connections.ForInstallation(installation).GitHubApps.Installation
                    .GetAllRepositoriesForCurrent(new ApiOptions { PageSize = RepositoryOpenItems.PageSize }).ConfigureAwait(false);
                foreach (var repository in installed.Repositories.Select(r => RepositoryId.TryCreate(r.Owner.Login, r.Name)).OfType<RepositoryId>())
                {
                    connections.Remember(repository, installation);
                    repositories.Add(repository);
                }
            }
        }

        return [.. repositories.DistinctBy(r => r.ToString(), StringComparer.OrdinalIgnoreCase)];
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Sweep skipped {Repository}: GitHub answered {Status} when listing its open items")]
        public static partial void RepositorySkipped(ILogger logger, RepositoryId repository, System.Net.HttpStatusCode status);
    }
}
