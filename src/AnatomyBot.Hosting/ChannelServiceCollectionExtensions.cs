using AnatomyBot.AzureDevOps;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.GitHub;
using AnatomyBot.GitHub.Anatomy;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.Hosting.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly.Telemetry;

namespace AnatomyBot.Hosting;

/// <summary>The platform channels, registered the same way for the Functions app and for <c>serve</c>, <c>replay</c> and
/// <c>demo</c>: each one whose section (<c>GitHub</c>, <c>AzureDevOps</c>) exists. Each channel validates its own options at
/// start-up and refuses to start without its webhook secret; the lines per API call (Polly's and one of the bot's own) are
/// logged at Debug, and the HTTP client factory's Information lines are not written. An Azure DevOps
/// anatomy kept on GitHub (<c>AzureDevOps:Anatomy:GitHub</c>) is read by the GitHub project's reader, over the GitHub
/// channel's HTTP pipeline.</summary>
public static class ChannelServiceCollectionExtensions
{
    public static IServiceCollection AddAnatomyBotChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Both channels' HTTP pipelines run on Polly, which reports every attempt of every call at Information; those
        // lines are Debug here. Retries and handled failures keep their Warning.
        services.Configure<TelemetryOptions>(o => o.SeverityProvider = args =>
            args.Event.Severity == ResilienceEventSeverity.Information ? ResilienceEventSeverity.Debug : args.Event.Severity);
        services.TryAddSingleton<ApiCallLogger>();
        services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers().AddLogger<ApiCallLogger>(wrapHandlersPipeline: true));
        if (configuration.GetSection("GitHub").Exists())
        {
            services.AddAnatomyBotGitHub(configuration);
        }

        if (configuration.GetSection("AzureDevOps").Exists())
        {
            services.AddAnatomyBotAzureDevOps(configuration).AddAzureDevOpsAnatomyOnGitHub();
        }

        return services;
    }

    /// <summary>Reads an Azure DevOps anatomy kept on GitHub (<c>AzureDevOps:Anatomy:GitHub</c>, shared or a project's own
    /// under <c>AzureDevOps:Anatomy:Projects:{project}:GitHub</c>) with the GitHub project's reader, over the GitHub
    /// channel's HTTP pipeline.</summary>
    public static IServiceCollection AddAzureDevOpsAnatomyOnGitHub(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton<Func<AnatomySourceOptions, IAnatomyFileSource>>(AnatomySourceKind.GitHub, (sp, _) => source =>
            new GitHubAnatomyFileSource(
                sp.GetRequiredService<IHttpClientFactory>(),
                sp.GetRequiredService<IOptions<GitHubOptions>>(),
                AzureDevOpsAnatomyOnGitHub(source, sp.GetRequiredService<IOptions<AzureDevOpsOptions>>().Value)));
        return services.AddGitHubAnatomyFileSource(AnatomySourceKind.GitHub, sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureDevOpsOptions>>().Value;
            return AzureDevOpsAnatomyOnGitHub(options.Anatomy.For(options.DefaultProject), options);
        });
    }

    private static GitHubAnatomyFile AzureDevOpsAnatomyOnGitHub(AnatomySourceOptions source, AzureDevOpsOptions options)
    {
        source.GitHub.TrySplitRepository(out var owner, out var name);
        return new GitHubAnatomyFile(source.GitHub.EffectiveBaseUrl, owner, name, source.Path, source.Branch, source.GitHub.Token)
        {
            SettingsName = "AzureDevOps:Anatomy:GitHub",
            MaxInlineWait = TimeSpan.FromSeconds(options.MaxInlineWaitSeconds),
        };
    }
}
