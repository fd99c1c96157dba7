using AnatomyBot.Core.Anatomy;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Seams;
using AnatomyBot.GitHub.Snapshot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AnatomyBot.GitHub.Backlog;

public static class GitHubBacklogServiceCollectionExtensions
{
    /// <summary>Registers what reading a repository's open backlog needs and nothing of the webhook channel: the same HTTP
    /// pipeline as the bot (resilience, rate limits, ETag cache, API-call tally), Octokit clients, the anatomy reader and
    /// <see cref="GitHubOpenBacklog"/>. <paramref name="configure"/> sets the token and base address; no webhook secret
    /// or App is needed.</summary>
    public static IServiceCollection AddGitHubBacklogReads(this IServiceCollection services, Action<GitHubOptions> configure)
    {
        services.AddOptions<GitHubOptions>().Configure(configure);
        GitHubServiceCollectionExtensions.AddHttpPipeline(services);
        services.TryAddSingleton<AnatomyTextParser>(_ => AnatomyParser.Parse);
        services.TryAddSingleton<GitHubClientFactory>();
        services.TryAddSingleton<AnatomySource>();
        services.TryAddSingleton<RawJson>();
        services.TryAddSingleton<GitHubOpenBacklog>();
        return services;
    }
}
