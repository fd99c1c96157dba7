using AnatomyBot.Cli.Tests.Infrastructure;

namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>What every reliability test starts from: a deadline after which it gives up by itself, a temp folder holding
/// the SQLite ledger, the fake GitHub fleet on loopback and the configuration serve and replay get.</summary>
internal sealed class ReliabilityRig : IAsyncDisposable
{
    private readonly CancellationTokenSource _deadline;
    private readonly TempDirectory _folder = new();

    private ReliabilityRig(CancellationTokenSource deadline, GitHubFleet fleet, IReadOnlyDictionary<string, string>? settings)
    {
        _deadline = deadline;
        Fleet = fleet;
        Settings = new ServeSettings(fleet, settings);
        Store = Path.Combine(_folder.Path, "ledger.db");
    }

    public GitHubFleet Fleet { get; }

    public ServeSettings Settings { get; }

    /// <summary>The SQLite ledger file serve and replay share.</summary>
    public string Store { get; }

    public CancellationToken Token => _deadline.Token;

    public static async Task<ReliabilityRig> StartAsync(
        TimeSpan deadline, int repositories, int pullRequestsPerRepository, IReadOnlyDictionary<string, string>? settings = null)
    {
        var time = new CancellationTokenSource(deadline);
        try
        {
            return new ReliabilityRig(time, await GitHubFleet.StartAsync(repositories, pullRequestsPerRepository, time.Token), settings);
        }
        catch
        {
            time.Dispose();
            throw;
        }
    }

    /// <summary>A signed <c>pull_request</c> delivery with a fresh id for the pull request's current state.</summary>
    public WebhookRequest Delivery(FleetPullRequest pr, string action) =>
        WebhookRequest.Signed(Settings.Secret, "pull_request", Guid.NewGuid().ToString(), Fleet.Payload(pr, action));

    public async ValueTask DisposeAsync()
    {
        await Fleet.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        _deadline.Dispose();
    }
}
