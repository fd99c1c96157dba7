using AnatomyBot.AzureDevOps;
using AnatomyBot.GitHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Cli.Hosting;

/// <summary>Registers the platform channels that are configured (a <c>GitHub</c> or <c>AzureDevOps</c> section exists).
/// Each channel validates its own options at start-up and refuses to start without its webhook secret.</summary>
internal static class ChannelComposition
{
    public static IServiceCollection AddAnatomyBotChannels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetSection("GitHub").Exists())
        {
            services.AddAnatomyBotGitHub(configuration);
        }

        if (configuration.GetSection("AzureDevOps").Exists())
        {
            services.AddAnatomyBotAzureDevOps(configuration);
        }

        return services;
    }
}
