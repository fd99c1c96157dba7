using System.Diagnostics.Metrics;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.GitHub.Anatomy;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Commands;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Handling;
using AnatomyBot.GitHub.Http;
using AnatomyBot.GitHub.Ingress;
using AnatomyBot.GitHub.Reconcile;
using AnatomyBot.GitHub.Seams;
using AnatomyBot.GitHub.Snapshot;
using AnatomyBot.GitHub.Sweep;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace AnatomyBot.GitHub;

public static class GitHubServiceCollectionExtensions
{
    /// <summary>Registers the GitHub channel: <see cref="GitHubOptions"/> bound from section <c>GitHub</c> and validated on
    /// start, the <see cref="IWebhookIngress"/>, <see cref="IDeliveryHandler"/> and <see cref="IReconcileApplier"/> for
    /// GitHub, and Octokit over <see cref="IHttpClientFactory"/> (client <see cref="GitHubClientFactory.HttpClientName"/>:
    /// standard resilience with retries for safe methods only → rate-limit handler → ETag cache → call counter).
    /// Point <c>GitHub:BaseUrl</c> at GitHub Enterprise Server or a local fake.</summary>
    public static IServiceCollection AddAnatomyBotGitHub(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GitHubOptions>().Bind(configuration.GetSection(GitHubOptions.SectionName)).ValidateOnStart();
        // The delivery's API call budget (Pipeline:MaxApiCallsPerDelivery); the pipeline's host validates the section.
        services.AddOptions<Core.Pipeline.DeliveryProcessorOptions>().Bind(configuration.GetSection(Core.Pipeline.DeliveryProcessorOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitHubOptions>, GitHubOptionsValidator>());
        services.TryAddSingleton<AnatomyTextParser>(_ => AnatomyParser.Parse);
        AddHttpPipeline(services);
        services.TryAddSingleton<GitHubClientFactory>();
        services.TryAddSingleton<GitHubTokenSource>();
        services.TryAddSingleton<IInstallationTokenSource>(sp => sp.GetRequiredService<GitHubTokenSource>());
        services.TryAddSingleton<GitHubConnections>();
        services.TryAddSingleton<GitHubBotIdentity>();
        services.AddTransient<InstallationTokenHandler>().AddHttpClient(GitHubClientFactory.HttpClientName).AddHttpMessageHandler<InstallationTokenHandler>();
        services.TryAddSingleton<AnatomySource>();
        services.TryAddSingleton<RawJson>();
        services.TryAddSingleton<GitHubSnapshotReader>();
        services.TryAddSingleton<EngineCache>();
        services.TryAddSingleton<RepositoryWriteLocks>();
        services.TryAddSingleton<SubjectReconciler>();
        services.TryAddSingleton<GitHubPermissions>();
        services.TryAddSingleton<GitHubCommandRunner>();
        services.TryAddSingleton<GitHubAuditRecorder>();
        services.TryAddSingleton<GitHubApplier>();
        services.AddSingleton<IReconcileApplier>(sp => sp.GetRequiredService<GitHubApplier>());
        services.AddSingleton(sp => new GitHubWebhookIngress(sp.GetRequiredService<IOptionsMonitor<GitHubOptions>>()));
        services.AddSingleton<IWebhookIngress>(sp => sp.GetRequiredService<GitHubWebhookIngress>());
        services.TryAddSingleton<OrganizationAnatomyFanOut>();
        services.AddSingleton<GitHubDeliveryHandler>();
        services.AddSingleton<IDeliveryHandler>(sp => sp.GetRequiredService<GitHubDeliveryHandler>());
        services.TryAddSingleton<GitHubSweepSource>();
        services.AddSingleton<ISweepSource>(sp => sp.GetRequiredService<GitHubSweepSource>());
        services.AddSingleton<Core.Links.IRecheckDeliveries, GitHubRecheckDeliveries>();
        return services;
    }

    /// <summary>Registers, under <paramref name="serviceKey"/>, an <see cref="IAnatomyFileSource"/> that reads
    /// <paramref name="file"/> through this channel's HTTP pipeline, for a channel that keeps its anatomy on GitHub (the
    /// host's composition root wires it in). Needs no GitHub App, webhook secret or <c>GitHub</c> section.</summary>
    public static IServiceCollection AddGitHubAnatomyFileSource(this IServiceCollection services, object serviceKey, Func<IServiceProvider, GitHubAnatomyFile> file)
    {
        ArgumentNullException.ThrowIfNull(file);
        AddHttpPipeline(services);
        services.TryAddKeyedSingleton<IAnatomyFileSource>(serviceKey, (sp, _) => new GitHubAnatomyFileSource(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<IOptions<GitHubOptions>>(), file(sp)));
        return services;
    }

    /// <summary>The HTTP client every GitHub call goes through (<see cref="GitHubClientFactory.HttpClientName"/>), registered
    /// once whoever asks first: standard resilience with retries for safe methods only → rate-limit handler → ETag cache →
    /// call counter.</summary>
    internal static void AddHttpPipeline(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ConditionalGetHandlerCache)))
        {
            return;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<RateLimitHandler>();
        services.TryAddSingleton(sp => new AnatomyBotTelemetry(sp.GetService<IMeterFactory>()));
        services.AddTransient<ApiCallCountingHandler>();
        services.TryAddSingleton<ConditionalGetHandlerCache>();
        services.AddHttpClient(GitHubClientFactory.HttpClientName)
            .AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods()).Services
            .AddHttpClient(GitHubClientFactory.HttpClientName)
            .AddHttpMessageHandler<RateLimitHandler>()
            .AddHttpMessageHandler(sp => sp.GetRequiredService<ConditionalGetHandlerCache>().CreateHandler())
            .AddHttpMessageHandler<ApiCallCountingHandler>();
    }
}
