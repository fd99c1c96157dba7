using AnatomyBot.AzureDevOps.Digest;
using AnatomyBot.Functions.Functions;
using AnatomyBot.GitHub.Digest;
using AnatomyBot.Hosting;
using AnatomyBot.Storage;
using AnatomyBot.Storage.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Functions.Configuration;

/// <summary>The Functions app's composition root, separate from <c>Program</c> so that tests build the same services and see
/// start-up validation fire.</summary>
public static class FunctionsComposition
{
    public static IServiceCollection AddAnatomyBotFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebJobsStorageOptions>().Configure(o => WebJobsStorageOptions.Read(o, configuration)).ValidateDataAnnotations().ValidateOnStart();
        foreach (var timer in new[] { ScheduleOptions.Digest, ScheduleOptions.Sweep })
        {
            services.AddOptions<ScheduleOptions>(timer).Bind(configuration.GetSection(timer)).ValidateDataAnnotations().ValidateOnStart();
        }

        services.AddAnatomyBotPipeline(configuration);
        services.AddAnatomyBotTelemetry(configuration).UseFunctionsWorkerDefaults();
        services.AddAnatomyBotWeeklyDigest(configuration);
        services.AddAnatomyBotChannels(configuration);
        AddDigestSinks(services, configuration);
        var storage = new WebJobsStorageOptions();
        WebJobsStorageOptions.Read(storage, configuration);
        if (!storage.IsIdentityBased || (storage.QueueEndpoint is not null && storage.TableEndpoint is not null))
        {
            // Without a usable connection, start-up validation above stops the app with a clear message instead.
            services.AddAnatomyBotTableStorage(_ => new TableLedgerStore(StorageClients.Tables(storage)));
            services.AddAnatomyBotStorageQueue(_ => StorageClients.Queue(storage, DeliveryQueueFunction.QueueName));
        }

        return services;
    }

    /// <summary>The weekly digest's destinations, each when its section is configured (<c>Digest:GitHub</c>: an issue per
    /// week; <c>Digest:AzureDevOps</c>: a wiki page per week). Invalid sink settings stop the app at start-up.</summary>
    private static void AddDigestSinks(IServiceCollection services, IConfiguration configuration)
    {
        var gitHub = configuration.GetSection(GitHubIssueDigestSinkOptions.SectionName);
        if (gitHub.Exists())
        {
            services.AddGitHubIssueDigestSink(gitHub.Get<GitHubIssueDigestSinkOptions>() ?? new GitHubIssueDigestSinkOptions());
        }

        var wiki = configuration.GetSection(AzureDevOpsWikiDigestSinkOptions.SectionName);
        if (wiki.Exists())
        {
            services.AddAzureDevOpsWikiDigestSink(wiki.Get<AzureDevOpsWikiDigestSinkOptions>() ?? new AzureDevOpsWikiDigestSinkOptions());
        }
    }
}
