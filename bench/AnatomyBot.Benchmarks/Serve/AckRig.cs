using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AnatomyBot.Cli.Demo;
using AnatomyBot.Cli.Hosting;
using AnatomyBot.Fakes;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.Hosting.Inbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Benchmarks.Serve;

/// <summary>Everything the acknowledgement benchmark runs against, in this process on loopback: <c>serve</c> as
/// <c>anatomybot serve</c> composes it (SQLite ledger in a fresh temp folder, the GitHub channel, processing on), the fake
/// GitHub API its processing reads and writes (the onboarding sample in 8 repositories, 4 pull requests each), and the
/// bare Kestrel baseline. Payloads are <c>pull_request</c> events about 28 KB long, the size of GitHub's own.</summary>
internal sealed class AckRig : IAsyncDisposable
{
    private const string AnatomyPath = ".github/anatomy.yml";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "anatomybot-ack-" + Guid.NewGuid().ToString("N"));
    private FakeApiServer? _api;
    private WebApplication? _serve;
    private WebApplication? _bare;

    public Uri ServeEndpoint { get; private set; } = new("http://127.0.0.1/");

    public Uri BareEndpoint { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<(byte[] Body, string Signature)> Payloads { get; private set; } = [];

    public LocalInbox Inbox => _serve!.Services.GetRequiredService<LocalInbox>();

    /// <param name="apiLatency">How long the fake GitHub API takes to answer each call.</param>
    public async Task StartAsync(TimeSpan apiLatency)
    {
        var hub = new FakeGitHub();
        var prs = Seed(hub);
        _api = await FakeApiServer.StartAsync(hub, "/", CancellationToken.None);
        _api.Latency = apiLatency;
        var secret = RandomNumberGenerator.GetHexString(40, lowercase: true);
        var overrides = new Dictionary<string, string?>
        {
            ["GitHub:WebhookSecret"] = secret,
            ["GitHub:Token"] = "bench-" + RandomNumberGenerator.GetHexString(20, lowercase: true),
            ["GitHub:BaseUrl"] = _api.BaseUrl.ToString(),
            ["GitHub:AnatomyPath"] = AnatomyPath,
        };
        _serve = ServeApplication.Build(new PipelineSettings { Store = Path.Combine(_folder, "ledger.db") }, port: 0, configure: null, overrides, LogLevel.Warning);
        await _serve.StartAsync();
        ServeEndpoint = new Uri(new Uri(_serve.Urls.First()), "/api/github/webhooks");
        _bare = Serve.BareEndpoint.Build();
        await _bare.StartAsync();
        BareEndpoint = new Uri(new Uri(_bare.Urls.First()), "/api/github/webhooks");
        Payloads = [.. prs.Select(pr => Payload(hub, pr.Repo, pr.Number, secret))];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _serve, _bare })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static List<(FakeGitHubRepository Repo, int Number)> Seed(FakeGitHub hub)
    {
        var anatomy = SampleFiles.Read(SampleFiles.Anatomy);
        var description = string.Concat(Enumerable.Repeat("Sends the 5-day reminder and the 10-day escalation to the account manager. ", 300));
        var prs = new List<(FakeGitHubRepository, int)>();
        for (var r = 0; r < 8; r++)
        {
            var repo = hub.Repository("contoso", $"onboarding-{r}");
            lock (hub.Gate)
            {
                repo.Files[AnatomyPath] = anatomy;
                repo.Issues[1] = new FakeIssue { Number = 1, Title = "Upload documents", Body = "Outcome: OUT-COMPLIANCE\nStage: ST-DOCUMENTS\nComponent: C-ONBOARDING-PORTAL" };
                for (var n = 2; n < 6; n++)
                {
                    var pr = new FakeIssue { Number = n, Title = $"Change {n}", Body = description + "\n\nCloses #1", IsPullRequest = true, HeadSha = $"{r:x4}{n:x8}".PadRight(40, 'd') };
                    pr.Files.Add("src/Onboarding/Portal/Upload.cs");
                    repo.Issues[n] = pr;
                    prs.Add((repo, n));
                }
            }
        }

        return prs;
    }

    private (byte[] Body, string Signature) Payload(FakeGitHub hub, FakeGitHubRepository repo, int number, string secret)
    {
        var baseUrl = _api!.BaseUrl.ToString();
        JsonObject payload;
        lock (hub.Gate)
        {
            payload = new JsonObject
            {
                ["action"] = "synchronize",
                ["number"] = number,
                ["pull_request"] = FakeGitHubJson.PullRequest(baseUrl, repo, repo.Issues[number]),
                ["repository"] = FakeGitHubJson.Repository(baseUrl, repo),
                ["sender"] = FakeGitHubJson.User(baseUrl, "dana-dev"),
            };
        }

        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        return (body, GitHubWebhookSender.Sign(secret, body));
    }
}
