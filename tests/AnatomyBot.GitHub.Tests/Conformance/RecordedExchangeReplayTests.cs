using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Events;
using AnatomyBot.GitHub.Seams;
using AnatomyBot.GitHub.Tests.Harness;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Octokit;

namespace AnatomyBot.GitHub.Tests.Conformance;

/// <summary>Exchanges recorded with the real api.github.com replayed through the client the bot uses (the channel's
/// Octokit connection over its HTTP pipeline: resilience, rate limits, ETags, API-call counting), so what the bot makes of
/// GitHub's own answers — Link-header pages, label and status bodies, validation errors — is checked against GitHub, not
/// against a fake written from the same assumptions.</summary>
public sealed class RecordedExchangeReplayTests
{
    private const string Org = "octokit-fixture-org";

    [Fact]
    public async Task IssueListing_LinkHeaderPages_EveryPageIsReadInOrder()
    {
        using var replay = await ReplayAsync("paginate-issues");
        var client = replay.Client;

        // The same call the sweep's listing makes (ApiConnection.GetAll with ApiOptions), with the recorded page size.
        var issues = await new ApiConnection(client.Connection).GetAll<Issue>(
            new Uri($"repos/{Org}/paginate-issues/issues", UriKind.Relative), new ApiOptions { PageSize = 3 });

        var recorded = replay.Recording.Recorded.SelectMany(e => e["response"]!.AsArray()).Select(i => i!["number"]!.GetValue<int>()).ToList();
        Assert.Equal(5, replay.Recording.Recorded.Count);
        Assert.Equal(recorded, issues.Select(i => i.Number));
        Assert.True(recorded.Count > 3 * 4, "the recording's last page is reached only through the Link headers");
        replay.Recording.AssertReplayed();
    }

    [Fact]
    public async Task Labels_CreateReadUpdateDelete_AsGitHubAnswered()
    {
        using var replay = await ReplayAsync("labels");
        var client = replay.Client;

        const string Repo = "labels";
        var existing = await client.Issue.Labels.GetAllForRepository(Org, Repo);
        var created = await client.Issue.Labels.Create(Org, Repo, new NewLabel("test-label", "663399"));
        var read = await client.Issue.Labels.Get(Org, Repo, "test-label");
        // Octokit's Labels.Update sends POST; GitHub documents (and recorded) PATCH with new_name.
        var updated = await new ApiConnection(client.Connection).Patch<Label>(ApiUrls.Label(Org, Repo, "test-label"), new { new_name = "test-label-updated", color = "BADA55" });
        await client.Issue.Labels.Delete(Org, Repo, "test-label-updated");

        Assert.Contains(existing, l => l.Name == "bug" && l.Description == "Something isn't working");
        Assert.Equal(("test-label", "663399"), (created.Name, created.Color));
        Assert.Equal("test-label", read.Name);
        Assert.Equal(("test-label-updated", "BADA55"), (updated.Name, updated.Color));
        replay.Recording.AssertReplayed();
    }

    [Fact]
    public async Task AddLabelsToIssue_TheBotsBodyShape_IsTheOneGitHubAccepted()
    {
        using var replay = await ReplayAsync("add-labels-to-issue");
        var client = replay.Client;

        const string Repo = "add-labels-to-issue";
        var api = new ApiConnection(client.Connection);
        var issue = await api.Post<Issue>(ApiUrls.Issues(Org, Repo), new { title = "Issue without a label" });
        // As the applier adds labels: {"labels": [...]} through the API connection (Octokit's AddToIssue sends a bare array).
        var labels = await api.Post<IReadOnlyList<Label>>(
            ApiUrls.IssueLabels(Org, Repo, issue.Number), new { labels = new[] { "Foo", "bAr", "baZ" } });

        Assert.Equal(1, issue.Number);
        Assert.Equal(["Foo", "bAr", "baZ"], labels.Select(l => l.Name).Order(StringComparer.Ordinal));
        replay.Recording.AssertReplayed();
    }

    [Fact]
    public async Task CommitStatuses_CreatedAndRead_AsGitHubAnswered()
    {
        using var replay = await ReplayAsync("create-status");
        var client = replay.Client;

        const string Repo = "create-status";
        const string Sha = "0000000000000000000000000000000000000001";
        var failure = await client.Repository.Status.Create(Org, Repo, Sha,
            new NewCommitStatus { State = CommitState.Failure, TargetUrl = "https://example.com", Description = "create-status failure test", Context = "example/1" });
        var success = await client.Repository.Status.Create(Org, Repo, Sha,
            new NewCommitStatus { State = CommitState.Success, TargetUrl = "https://example.com", Description = "create-status success test", Context = "example/2" });
        var all = await client.Repository.Status.GetAll(Org, Repo, Sha);
        var combined = await client.Repository.Status.GetCombined(Org, Repo, Sha);

        Assert.Equal(CommitState.Failure, failure.State.Value);
        Assert.Equal(CommitState.Success, success.State.Value);
        Assert.Equal(2, all.Count);
        Assert.Equal(CommitState.Failure, combined.State.Value);
        replay.Recording.AssertReplayed();
    }

    [Fact]
    public async Task ValidationFailed_422_SurfacesTheResourceFieldAndCode()
    {
        using var replay = await ReplayAsync("errors");
        var client = replay.Client;

        // Octokit's NewLabel refuses the colour before sending; the raw connection sends what the recording sent.
        var error = await Assert.ThrowsAsync<ApiValidationException>(() => new ApiConnection(client.Connection).Post<Label>(
            ApiUrls.Labels(Org, "errors"), new { name = "foo", color = "invalid" }));

        Assert.Equal("Validation Failed", error.ApiError.Message);
        var detail = Assert.Single(error.ApiError.Errors);
        Assert.Equal(("Label", "color", "invalid"), (detail.Resource, detail.Field, detail.Code));
        replay.Recording.AssertReplayed();
    }

    /// <summary>The GitHub channel as the hosts wire it (token mode against api.github.com) with the recording as its
    /// primary HTTP handler, and the client it uses for the scenario's repository.</summary>
    private static async Task<ReplayedChannel> ReplayAsync(string scenario)
    {
        var recording = RecordedGitHub.Load(scenario);
        Assert.SkipWhen(recording is null, "The conformance corpus is not in this checkout.");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GitHub:WebhookSecret"] = "replay-secret",
            ["GitHub:Token"] = "0000000000000000000000000000000000000001",
            ["GitHub:BaseUrl"] = "https://api.github.com/",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2017, 10, 10, 16, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<IDeliveryScheduler>(new RecordingScheduler());
        services.AddSingleton<AnatomyTextParser>(TestAnatomy.Parse);
        services.AddAnatomyBotGitHub(configuration);
        services.AddHttpClient(GitHubClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => recording);
        var provider = services.BuildServiceProvider();
        var client = await provider.GetRequiredService<GitHubConnections>().ForAsync(new RepositoryId(Org, scenario));
        return new ReplayedChannel(recording, client, provider);
    }

    private sealed class ReplayedChannel(RecordedGitHub recording, IGitHubClient client, ServiceProvider services) : IDisposable
    {
        public RecordedGitHub Recording { get; } = recording;

        public IGitHubClient Client { get; } = client;

        public void Dispose() => services.Dispose();
    }
}
