using System.Diagnostics.Metrics;
using AnatomyBot.Core.Audit;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Links;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Digest;
using AnatomyBot.Hosting.Inbox;
using AnatomyBot.Hosting.Processing;
using AnatomyBot.Hosting.Queues;
using AnatomyBot.Hosting.Retention;
using AnatomyBot.Hosting.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting;

/// <summary>The pipeline's composition, shared by the Functions app and the CLI. The ledgers, the channels
/// (<see cref="IWebhookIngress"/>, <see cref="IDeliveryHandler"/>) and one scheduler are registered by the caller.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>Processor, receiver, runner and the delivery retention sweep, with <c>Pipeline</c>, <c>Ingress</c> and
    /// <c>Storage:DeliveryRetention</c> options validated at start-up.</summary>
    public static IServiceCollection AddAnatomyBotPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeliveryProcessorOptions>()
            .Bind(configuration.GetSection(DeliveryProcessorOptions.SectionName))
            .ValidatedBy<DeliveryProcessorOptions, DeliveryProcessorOptionsValidator>()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DeliveryProcessor(
            sp.GetServices<IDeliveryHandler>(),
            sp.GetRequiredService<IDeliveryLedger>(),
            sp.GetRequiredService<IEvaluationLedger>(),
            sp.GetRequiredService<IDeliveryScheduler>(),
            sp.GetRequiredService<IOptions<DeliveryProcessorOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AnatomyBotTelemetry>(),
            sp.GetService<ILinkLedger>(),
            sp.GetService<ILinkLedger>() is { } links
                ? new LinkRechecks(links, sp.GetServices<IRecheckDeliveries>(), sp.GetRequiredService<IDeliveryScheduler>())
                : null));
        services.TryAddSingleton(sp => new AnatomyBotTelemetry(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<ProcessingRunner>();
        services.AddOptions<IngressOptions>()
            .Bind(configuration.GetSection(IngressOptions.SectionName))
            .ValidatedBy<IngressOptions, IngressOptionsValidator>()
            .ValidateOnStart();
        services.TryAddSingleton<WebhookReceiver>();
        services.TryAddSingleton<ReconcileSweep>();
        services.AddOptions<DeliveryRetentionOptions>()
            .Bind(configuration.GetSection(DeliveryRetentionOptions.SectionName))
            .ValidatedBy<DeliveryRetentionOptions, DeliveryRetentionOptionsValidator>()
            .ValidateOnStart();
        services.TryAddSingleton<DeliveryRetentionSweep>();
        return services;
    }

    /// <summary>The weekly digest job over the registered evaluation ledger and <see cref="IDigestSink"/>s.</summary>
    public static IServiceCollection AddAnatomyBotWeeklyDigest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WeeklyDigestOptions>().Bind(configuration.GetSection(WeeklyDigestOptions.SectionName));
        services.TryAddSingleton(sp => new DigestService(sp.GetRequiredService<IEvaluationLedger>(), sp.GetService<IAuditLedger>()));
        services.TryAddSingleton<WeeklyDigestJob>();
        return services;
    }

    /// <summary>The local inbox (ledger rows + in-process wake-up) and its background worker, for <c>serve</c> and <c>demo</c>,
    /// and the interval sweep (<c>Sweep:Interval</c>, off unless set).</summary>
    public static IServiceCollection AddAnatomyBotLocalInbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<InboxOptions>()
            .Bind(configuration.GetSection(InboxOptions.SectionName))
            .ValidatedBy<InboxOptions, InboxOptionsValidator>()
            .ValidateOnStart();
        services.TryAddSingleton<LocalInbox>();
        services.TryAddSingleton<IDeliveryScheduler>(sp => sp.GetRequiredService<LocalInbox>());
        services.AddHostedService<InboxWorker>();
        services.AddOptions<LocalSweepOptions>()
            .Bind(configuration.GetSection(LocalSweepOptions.SectionName))
            .ValidatedBy<LocalSweepOptions, LocalSweepOptionsValidator>()
            .ValidateOnStart();
        services.AddHostedService<SweepTimer>();
        return services;
    }

    /// <summary>The Azure Storage queue (and its <c>-poison</c> sibling) as the scheduler.</summary>
    public static IServiceCollection AddAnatomyBotStorageQueue(this IServiceCollection services, string connectionString, string queueName) =>
        services.AddAnatomyBotStorageQueue(_ => StorageQueueScheduler.Create(connectionString, queueName));

    /// <summary>The Azure Storage queue as the scheduler, built by <paramref name="create"/> (identity-based clients).</summary>
    public static IServiceCollection AddAnatomyBotStorageQueue(this IServiceCollection services, Func<IServiceProvider, StorageQueueScheduler> create)
    {
        services.TryAddSingleton(create);
        services.TryAddSingleton<IDeliveryScheduler>(sp => sp.GetRequiredService<StorageQueueScheduler>());
        return services;
    }

    /// <summary>Validates the options with <typeparamref name="TValidator"/>, a validator generated at build time.</summary>
    private static OptionsBuilder<TOptions> ValidatedBy<TOptions, TValidator>(this OptionsBuilder<TOptions> builder)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new TValidator()));
        return builder;
    }
}
