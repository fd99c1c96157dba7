using System.Text;
using System.Text.Json.Nodes;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Seams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AnatomyBot.GitHub.Tests.Fakes;

/// <summary>The channel as the hosts wire it (<c>AddAnatomyBotGitHub</c>), with the fake API as primary HTTP handler.</summary>
public sealed class GitHubHarness : IDisposable
{
    public const string Owner = "acme";
    public const string Repo = "shop";
    public const string Secret = "test-secret";

    public GitHubHarness(Action<Dictionary<string, string?>>? configure = null, bool realParser = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["GitHub:WebhookSecret"] = Secret,
            ["GitHub:Token"] = "test-token",
            ["GitHub:BaseUrl"] = FakeGitHub.BaseUrl,
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IDeliveryScheduler>(Scheduler);
        if (!realParser)
        {
            services.AddSingleton<AnatomyTextParser>(TestAnatomy.Parse);
        }

        services.AddAnatomyBotGitHub(configuration);
        services.AddHttpClient(GitHub.Auth.GitHubClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Api);
        Services = services.BuildServiceProvider();
    }

    /// <summary>The channel in GitHub App mode (App 4242 with <paramref name="key"/>), no token configured.</summary>
    public static GitHubHarness ForApp(System.Security.Cryptography.RSA key) => new(s =>
    {
        s["GitHub:Token"] = null;
        s["GitHub:AppId"] = "4242";
        s["GitHub:PrivateKey"] = key.ExportRSAPrivateKeyPem();
    });

    public FakeGitHub Api { get; } = new();

    /// <summary>What the channel queued (the anatomy-change fan-out).</summary>
    public RecordingScheduler Scheduler { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    public IDeliveryHandler Handler => Services.GetRequiredService<IDeliveryHandler>();

    public void AddPullRequest(int number, string body, string sha = "abc123", string? headRepo = null)
    {
        Api.Pulls[number] = new JsonObject
        {
            ["number"] = number, ["title"] = $"PR {number}", ["body"] = body, ["state"] = "open",
            ["html_url"] = $"https://github.test/{Owner}/{Repo}/pull/{number}",
            ["user"] = new JsonObject { ["login"] = "dev" }, ["labels"] = new JsonArray(),
            ["head"] = new JsonObject { ["sha"] = sha, ["ref"] = "feature", ["repo"] = new JsonObject { ["full_name"] = headRepo ?? $"{Owner}/{Repo}" } },
            ["base"] = new JsonObject { ["sha"] = "base0", ["ref"] = "main", ["repo"] = new JsonObject { ["full_name"] = $"{Owner}/{Repo}" } },
        };
    }

    public void AddIssue(int number, string body, params string[] labels)
    {
        Api.Issues[number] = new JsonObject
        {
            ["number"] = number, ["title"] = $"Issue {number}", ["body"] = body, ["state"] = "open",
            ["html_url"] = $"https://github.test/{Owner}/{Repo}/issues/{number}", ["user"] = new JsonObject { ["login"] = "po" },
        };
        Api.IssueLabels[number] = [.. labels];
    }

    public Delivery PullRequestEvent(int number, string action = "opened") => Delivery("pull_request", new JsonObject
    {
        ["action"] = action, ["number"] = number,
        ["pull_request"] = new JsonObject { ["number"] = number },
        ["repository"] = RepositoryJson(),
    });

    public Delivery IssuesEvent(int number, string action = "edited") => Delivery("issues", new JsonObject
    {
        ["action"] = action, ["issue"] = new JsonObject { ["number"] = number }, ["repository"] = RepositoryJson(),
    });

    public static Delivery Delivery(string eventName, JsonObject body) => new()
    {
        Platform = Platforms.GitHub,
        Id = Guid.NewGuid().ToString(),
        EventName = eventName,
        Body = body.ToJsonString(),
        ReceivedAt = DateTimeOffset.UnixEpoch,
    };

    public static JsonObject RepositoryJson() => new()
    {
        ["name"] = Repo, ["full_name"] = $"{Owner}/{Repo}", ["default_branch"] = "main", ["owner"] = new JsonObject { ["login"] = Owner },
    };

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public void Dispose() => Services.Dispose();
}
