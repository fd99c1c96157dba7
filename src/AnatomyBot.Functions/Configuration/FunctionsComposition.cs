using AnatomyBot.AzureDevOps;
using AnatomyBot.Functions.Functions;
using AnatomyBot.GitHub;
using AnatomyBot.Hosting;
using AnatomyBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Functions.Configuration;

/// <summary>The Functions app's composition root, separate from <c>Program</c> so that tests build the same services and see
/// start-up validation fire.</summary>
public static class FunctionsComposition
{
    public static IServiceCollection AddAnatomyBotFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        foreach (var timer in new[] { ScheduleOptions.Digest, ScheduleOptions.Sweep })
        {
            services.AddOptions<ScheduleOptions>(timer).Bind(configuration.GetSection(timer)).ValidateDataAnnotations().ValidateOnStart();
        }

        services.AddAnatomyBotPipeline(configuration);
        services.AddAnatomyBotWeeklyDigest(configuration);
        if (configuration.GetSection("GitHub").Exists())
        {
            services.AddAnatomyBotGitHub(configuration);
        }

        if (configuration.GetSection("AzureDevOps").Exists())
        {
            services.AddAnatomyBotAzureDevOps(configuration);
        }

        var connection = configuration["AzureWebJobsStorage"];
        if (!string.IsNullOrWhiteSpace(connection))
        {
            // Without it, start-up validation above stops the app with a clear message instead.
            services.AddAnatomyBotTableStorage(connection);
            services.AddAnatomyBotStorageQueue(connection, DeliveryQueueFunction.QueueName);
        }
        return services;
    }
}
