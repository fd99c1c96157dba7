using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>What every reliability test starts from: a deadline after which it gives up by itself, a temp folder holding
/// the SQLite ledger, a platform's fake fleet on loopback and the configuration serve and replay get.</summary>
internal sealed class ReliabilityRig<TFleet> : IAsyncDisposable
    where TFleet : IReliabilityFleet
{
    private readonly CancellationTokenSource _deadline;
    private readonly TempDirectory _folder = new();

    internal ReliabilityRig(CancellationTokenSource deadline, TFleet fleet, IReadOnlyDictionary<string, string>? settings)
    {
        _deadline = deadline;
        Fleet = fleet;
        Settings = new ServeSettings(fleet, settings);
        Store = Path.Combine(_folder.Path, "ledger.db");
    }

    public TFleet Fleet { get; }

    public ServeSettings Settings { get; }

    /// <summary>The SQLite ledger file serve and replay share.</summary>
    public string Store { get; }

    public CancellationToken Token => _deadline.Token;

    /// <summary>A delivery with a fresh id for the pull request's current state.</summary>
    public WebhookRequest Delivery(FleetPullRequest pr, string action) => Fleet.Delivery(Settings.Secret, pr, action);

    public async ValueTask DisposeAsync()
    {
        await Fleet.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        _deadline.Dispose();
    }
}
