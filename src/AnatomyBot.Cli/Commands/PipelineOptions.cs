using System.CommandLine;
using AnatomyBot.Cli.Hosting;

namespace AnatomyBot.Cli.Commands;

/// <summary>The options <c>serve</c> and <c>replay</c> share.</summary>
internal sealed class PipelineOptions
{
    public Option<string> Store { get; } = new("--store")
    {
        Description = "Ledger: a SQLite file (default .anatomybot/ledger.db) or an Azure Storage connection string.",
        DefaultValueFactory = _ => PipelineSettings.DefaultStore,
    };

    public Option<bool> DryRun { get; } = new("--dry-run")
    {
        Description = "Write the comments, checks, statuses and labels the bot would apply to the outbox instead of calling the platforms.",
    };

    public Option<string> Outbox { get; } = new("--outbox")
    {
        Description = "Outbox folder for --dry-run (default .anatomybot/outbox).",
        DefaultValueFactory = _ => ".anatomybot/outbox",
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "A JSON configuration file (keys as in the environment: GitHub:WebhookSecret, AzureDevOps:OrganizationUrl, ...).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Store);
        command.Options.Add(DryRun);
        command.Options.Add(Outbox);
        command.Options.Add(Config);
    }

    public PipelineSettings Read(ParseResult parse) => new()
    {
        Store = parse.GetValue(Store) ?? PipelineSettings.DefaultStore,
        OutboxPath = parse.GetValue(DryRun) ? parse.GetValue(Outbox) : null,
        ConfigFile = parse.GetValue(Config),
    };
}
