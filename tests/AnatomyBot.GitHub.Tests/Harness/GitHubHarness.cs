using System.Text;
using System.Text.Json.Nodes;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Core.Links;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Tests.Pipeline;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.GitHub.Seams;
using AnatomyBot.Testing.Conformance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AnatomyBot.GitHub.Tests.Harness;

/// <summary>The channel as the hosts wire it (<c>AddAnatomyBotGitHub</c>), with the fake GitHub API as primary HTTP handler
/// and repository <c>acme/shop</c> in it. Every exchange is held to GitHub's OpenAPI description as it happens. Disposing
/// it fails the test when the channel made a request the fake does not serve, or one the description does not allow,
/// or the fake answered in a way the description does not allow.</summary>
public sealed class GitHubHarness : IDisposable
{
    public const string Owner = "acme";
    public const string Repo = "shop";
    public const string Secret = "test-secret";
    public const string AnatomyPath = ".github/anatomy.yml";

    public GitHubHarness(Action<Dictionary<string, string?>>? configure = null, bool realParser = false, Action<Microsoft.Extensions.Logging.ILoggingBuilder>? logging = null, Action<IServiceCollection>? register = null)
    {
        Api = new FakeGitHub { Clock = Time };
        Conformance = ExchangeValidator.ForGitHub()?.Attach(Api);
        Repository = Api.Repository(Owner, Repo);
        var settings = new Dictionary<string, string?>
        {
            ["GitHub:WebhookSecret"] = Secret,
            ["GitHub:Token"] = "test-token",
            ["GitHub:BaseUrl"] = FakeGitHub.DefaultBaseUrl.ToString(),
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(builder => logging?.Invoke(builder));
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IDeliveryScheduler>(Scheduler);
        if (!realParser)
        {
            services.AddSingleton<AnatomyTextParser>(TestAnatomy.Parse);
        }

        services.AddAnatomyBotGitHub(configuration);
        register?.Invoke(services);
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

    public FakeGitHub Api { get; }

    /// <summary>Checks every exchange against GitHub's description; null when the corpus is not in this checkout.</summary>
    internal ExchangeValidator? Conformance { get; }

    /// <summary><c>acme/shop</c> in the fake.</summary>
    public FakeGitHubRepository Repository { get; }

    /// <summary>What the channel queued (the anatomy-change fan-out).</summary>
    public RecordingScheduler Scheduler { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    public IDeliveryHandler Handler => Services.GetRequiredService<IDeliveryHandler>();

    /// <summary>The requests the channel sent, as <c>METHOD /path?query</c>.</summary>
    public IEnumerable<string> Sent => Api.Requests.Select(r => r.ToString());

    public FakeIssue Issue(int number) => Repository.Issues[number];

    /// <summary>The processor over the channel, recording into <paramref name="evaluations"/>; with <paramref name="links"/>
    /// it keeps each evaluated item's links there and queues the re-checks of the items linking to what changed on
    /// <see cref="Scheduler"/>, as the hosts wire it.</summary>
    public DeliveryProcessor Processor(IEvaluationLedger evaluations, ILinkLedger? links = null) => new(
        [Handler], new InMemoryDeliveryLedger(), evaluations, Scheduler, new DeliveryProcessorOptions(), Time,
        links: links,
        rechecks: links is null ? null : new LinkRechecks(links, Services.GetServices<IRecheckDeliveries>(), Scheduler));

    /// <summary>Takes what the channel and the processor queued, in order, and processes it until nothing is queued.</summary>
    public async Task<IReadOnlyList<ProcessingOutcome>> ProcessQueuedAsync(DeliveryProcessor processor, CancellationToken cancellationToken)
    {
        var outcomes = new List<ProcessingOutcome>();
        while (Scheduler.Queued.TryDequeue(out var queued))
        {
            outcomes.Add(await processor.ProcessAsync(queued, cancellationToken));
        }

        return outcomes;
    }

    /// <summary>Puts <paramref name="text"/> at <c>.github/anatomy.yml</c> of repository <c>acme/</c><paramref name="repository"/>;
    /// null removes it.</summary>
    public void SetAnatomy(string? text, string repository = Repo)
    {
        var repo = Api.Repository(Owner, repository);
        if (text is null)
        {
            repo.Files.Remove(AnatomyPath);
        }
        else
        {
            repo.Files[AnatomyPath] = text;
        }
    }

    public FakeIssue AddPullRequest(int number, string body, string sha = "abc123", string? headRepo = null)
    {
        var pr = new FakeIssue { Number = number, Title = $"PR {number}", Body = body, IsPullRequest = true, HeadSha = sha, HeadRepository = headRepo, Author = "dev" };
        Repository.Issues[number] = pr;
        return pr;
    }

    public FakeIssue AddIssue(int number, string body, params string[] labels)
    {
        var issue = new FakeIssue { Number = number, Title = $"Issue {number}", Body = body, Author = "po" };
        issue.Labels.AddRange(labels);
        Repository.Issues[number] = issue;
        return issue;
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

    /// <summary>GitHub's own <c>issues.labeled</c>/<c>unlabeled</c> example (its essentials when the corpus is not in this
    /// checkout), pointed at <c>acme/shop#</c><paramref name="number"/> and the label given.</summary>
    public static Delivery LabelEvent(int number, string action, string label)
    {
        var body = ConformanceCorpus.Find(Path.Combine("github", "webhooks", "issues", action + ".json")) is { } path
            ? JsonNode.Parse(File.ReadAllText(path))!.AsObject()
            : new JsonObject
            {
                ["action"] = action, ["label"] = new JsonObject(), ["sender"] = new JsonObject { ["login"] = "Codertocat" },
                ["issue"] = new JsonObject { ["html_url"] = "https://github.com/Codertocat/Hello-World/issues/1" },
            };
        body["label"]!["name"] = label;
        body["issue"]!["number"] = number;
        body["repository"] = RepositoryJson();
        return Delivery("issues", body);
    }

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

    public void Dispose()
    {
        Services.Dispose();
        Api.AssertAllServed();
        Conformance?.AssertConforms();
    }
}
