using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Hosting;
using AnatomyBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Cli.Hosting;

/// <summary>The CLI's composition root for <c>serve</c>, <c>replay</c> and <c>demo</c>: the same pipeline, ledgers and
/// channels as the Functions app, with the local inbox instead of the Storage queue.</summary>
internal static class PipelineComposition
{
    /// <summary>Host arguments of serve, replay and demo: the default <c>appsettings.json</c> files are read once, not
    /// watched. The watcher covers the whole working directory, where the ledger lives by default, so every ledger write
    /// woke it up (a third of serve's CPU under load).</summary>
    public static readonly string[] HostArgs = ["--hostBuilder:reloadConfigOnChange=false"];

    /// <summary>ASP.NET Core and HttpClient log every request at Information (six lines per webhook, two to four per API
    /// call); on the console at webhook rates that formatting and back-pressure sat on the acknowledgement path. They log
    /// from Warning up; the bot's own lines (one per processed delivery) keep the chosen level. A more specific
    /// <c>Logging:LogLevel:…</c> setting still turns them back on.</summary>
    public static void QuietFrameworkLogs(ILoggingBuilder logging)
    {
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
    }

    public static IServiceCollection AddAnatomyBotLocal(this IServiceCollection services, IConfiguration configuration, PipelineSettings settings)
    {
        var store = LedgerStorageOptions.Parse(settings.Store);
        if (store.SqlitePath is { } path && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        services.AddAnatomyBotStorage(store);
        services.AddAnatomyBotPipeline(configuration);
        services.AddAnatomyBotLocalInbox(configuration);
        services.AddAnatomyBotChannels(configuration);
        if (settings.OutboxPath is { } outbox)
        {
            // Registered after the channels: each handler applies through the last applier of its platform.
            var sink = new FileOutboxSink(outbox);
            services.AddSingleton<IReconcileApplier>(new OutboxApplier(sink, ItemSource.GitHub));
            services.AddSingleton<IReconcileApplier>(new OutboxApplier(sink, ItemSource.AzureDevOps));
        }

        return services;
    }

    /// <summary>Configuration as the Functions app reads it: an optional JSON file, then environment variables
    /// (<c>GitHub__WebhookSecret</c>), then command-line overrides. The file is watched: a rotated webhook secret written
    /// to it applies to the next request without a restart.</summary>
    public static void AddAnatomyBotSources(this IConfigurationBuilder configuration, PipelineSettings settings)
    {
        if (settings.ConfigFile is { } file)
        {
            configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: true);
        }

        configuration.AddEnvironmentVariables();
    }
}
