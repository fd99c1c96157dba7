using AnatomyBot.AzureDevOps;
using AnatomyBot.GitHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Hosting;

/// <summary>The platform channels, registered the same way for the Functions app and for <c>serve</c>, <c>replay</c> and
/// <c>demo</c>: each one whose section (<c>GitHub</c>, <c>AzureDevOps</c>) exists. Each channel validates its own options at
/// start-up and refuses to start without its webhook secret.</summary>
public static class ChannelServiceCollectionExtensions
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
