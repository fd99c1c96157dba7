namespace AnatomyBot.Cli.Hosting;

/// <summary>What <c>serve</c>, <c>replay</c> and <c>demo</c> choose on the command line.</summary>
internal sealed record PipelineSettings
{
    /// <summary>Default ledger file of <c>serve</c> and <c>replay</c>, relative to the working directory.</summary>
    public const string DefaultStore = ".anatomybot/ledger.db";

    /// <summary>A SQLite file path or an Azure Storage connection string.</summary>
    public string Store { get; init; } = DefaultStore;

    /// <summary>When set, plans are written to this outbox folder instead of being applied on the platforms.</summary>
    public string? OutboxPath { get; init; }

    /// <summary>An optional JSON configuration file (same keys as the environment variables, e.g. <c>GitHub:WebhookSecret</c>).</summary>
    public string? ConfigFile { get; init; }
}
