using System.Diagnostics.Metrics;
using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Applying;
using AnatomyBot.AzureDevOps.Backlog;
using AnatomyBot.AzureDevOps.Commands;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Handling;
using AnatomyBot.AzureDevOps.Ingress;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Sweep;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Reconcile;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace AnatomyBot.AzureDevOps;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the Azure DevOps channel: the REST client and what reads through it
    /// (<see cref="AddAnatomyBotAzureDevOpsClient"/>), the webhook secret's validation, the ingress, the delivery handler,
    /// the applier, the <see cref="IWorkItemReader"/> and the nightly sweep's <see cref="ISweepSource"/>. The handler
    /// queues re-evaluations through the host's <see cref="IDeliveryScheduler"/>. <paramref name="configure"/> runs after binding (the demo points
    /// <c>OrganizationUrl</c> at its local fake there).</summary>
    public static IServiceCollection AddAnatomyBotAzureDevOps(this IServiceCollection services, IConfiguration configuration, Action<AzureDevOpsOptions>? configure = null)
    {
        services.AddAnatomyBotAzureDevOpsClient(configuration, configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureDevOpsOptions>, AzureDevOpsWebhookOptionsValidator>());
        services.TryAddSingleton<EngineCache>();
        services.TryAddSingleton<AnatomyPushHandler>();
        services.TryAddSingleton<AzureDevOpsAuditRecorder>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISweepSource, AzureDevOpsSweepSource>());
        services.AddSingleton<IReconcileApplier, AzureDevOpsReconcileApplier>();
        services.AddSingleton<IWorkItemReader, AzureDevOpsWorkItemReader>();
        services.AddSingleton<IWebhookIngress>(sp => new AzureDevOpsWebhookIngress(
            sp.GetRequiredService<IOptionsMonitor<AzureDevOpsOptions>>(), sp.GetRequiredService<ILogger<AzureDevOpsWebhookIngress>>()));
        // The delivery's API call budget (Pipeline:MaxApiCallsPerDelivery); the pipeline's host validates the section.
        services.AddOptions<DeliveryProcessorOptions>().Bind(configuration.GetSection(DeliveryProcessorOptions.SectionName));
        services.TryAddSingleton(sp => new RecordedWaiverReader(sp.GetService<IAuditLedger>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<AzureDevOpsCommandRunner>();
        services.AddSingleton<IDeliveryHandler, AzureDevOpsDeliveryHandler>();
        services.AddSingleton<Core.Links.IRecheckDeliveries, AzureDevOpsRecheckDeliveries>();
        return services;
    }

    /// <summary>Registers what reads and writes Azure DevOps without receiving service hooks (<c>check --azure-devops</c>,
    /// <c>doctor</c>, and the channel itself): options from section <c>AzureDevOps</c> validated at start-up (organisation,
    /// project, credential, anatomy source, bounds; not the webhook secret), the credential, the HTTP pipeline (retries,
    /// rate-limit gate, API-call counting), the REST client, the snapshot reader, the open-item lister, and the anatomy
    /// source (Azure Repos or a local file; a file on GitHub is read by the <see cref="IAnatomyFileSource"/> the host
    /// registers under the key <see cref="AnatomySourceKind.GitHub"/>) and provider.</summary>
    public static IServiceCollection AddAnatomyBotAzureDevOpsClient(this IServiceCollection services, IConfiguration configuration, Action<AzureDevOpsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddOptions<AzureDevOpsOptions>().Bind(configuration.GetSection(AzureDevOpsOptions.SectionName));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(AzureDevOpsClient)))
        {
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureDevOpsOptions>, AzureDevOpsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RateLimitGate>();
        services.TryAddSingleton<IAzureDevOpsCredential>(CreateCredential);
        services.AddTransient<TransientFailureHandler>();
        services.TryAddSingleton(sp => new AnatomyBotTelemetry(sp.GetService<IMeterFactory>()));
        services.AddTransient<AttemptHandler>();
        services.AddTransient<AuthenticationHandler>();
        services.AddHttpClient(AzureDevOpsClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler<TransientFailureHandler>()
            .AddResilienceHandler("retry", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<AzureDevOpsOptions>>().Value;
                if (RetryRules.Strategy(options, context.ServiceProvider.GetRequiredService<RateLimitGate>()) is { } retry)
                {
                    pipeline.AddRetry(retry);
                }
            }).Services
            .AddHttpClient(AzureDevOpsClient.HttpClientName)
            .AddHttpMessageHandler<AttemptHandler>()
            .AddHttpMessageHandler<AuthenticationHandler>();
        services.TryAddSingleton<AzureDevOpsClient>();
        services.TryAddSingleton<AzureDevOpsBotIdentity>();
        services.TryAddSingleton<AzureDevOpsSnapshotReader>();
        services.TryAddSingleton<WorkItemStateCategories>();
        services.TryAddSingleton(CreateAnatomySource);
        services.TryAddSingleton<IAnatomyProvider>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureDevOpsOptions>>().Value;
            return new AzureDevOpsAnatomyProvider(
                sp.GetRequiredService<IAnatomyFileSource>(),
                TimeSpan.FromSeconds(options.Anatomy.For(options.DefaultProject).CacheSeconds),
                sp.GetRequiredService<TimeProvider>(),
                AnatomyParser.Parse);
        });
        services.TryAddSingleton<ProjectAnatomies>();
        services.TryAddSingleton<OpenItemLister>();
        services.TryAddSingleton<AzureDevOpsOpenBacklog>();
        return services;
    }

    private static IAnatomyFileSource CreateAnatomySource(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<AzureDevOpsOptions>>().Value;
        return AnatomySources.Create(provider, options.Anatomy.For(options.DefaultProject), options.AnatomyRepositoryProject(options.DefaultProject), shared: true);
    }

    private static IAzureDevOpsCredential CreateCredential(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<AzureDevOpsOptions>>().Value;
        if (options.AuthMode == AzureDevOpsAuthMode.Pat)
        {
            return new PatCredential(options.PersonalAccessToken ?? "");
        }

        var credential = provider.GetService<TokenCredential>() ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });
        return new EntraCredential(credential, provider.GetRequiredService<TimeProvider>());
    }
}
