using System.Net;
using System.Text.Json;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Ledger;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.GitHub.Digest;
using AnatomyBot.Testing.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.GitHub.Tests.Digest;

public sealed class GitHubIssueDigestSinkTests : IDisposable
{
    private const string Issues = "/repos/contoso/governance/issues";
    private const string List = "GET " + Issues + "?labels=anatomy-digest&state=all&sort=created&direction=desc&per_page=100";
    private readonly FakeGitHub _api = new();
    private readonly FakeGitHubRepository _repo;
    private ServiceProvider? _provider;

    private readonly ExchangeValidator? _conformance;

    public GitHubIssueDigestSinkTests()
    {
        _repo = _api.Repository("contoso", "governance");
        _conformance = ExchangeValidator.ForGitHub()?.Attach(_api);
    }

    [Fact]
    public async Task FirstRunOfWeek_CreatesLabelledIssueAndClosesLastWeeksIssue()
    {
        AddDigestIssue(3, "closed", new IsoWeek(2026, 46), "older");
        AddDigestIssue(7, "open", new IsoWeek(2026, 47), "old body");

        var publication = await Sink().PublishAsync(Digest(), CancellationToken.None);

        Assert.Equal(new DigestPublication("github-issue", DigestPublicationAction.Created, "https://github.com/contoso/governance/issues/8"), publication);
        Assert.Equal([List, "POST " + Issues, "PATCH " + Issues + "/7"], _api.Requests.Select(r => r.ToString()));
        var created = _repo.Issues[8];
        Assert.Equal(("Anatomy digest 2026-W48", "open"), (created.Title, created.State));
        Assert.Equal(["anatomy-digest"], created.Labels);
        Assert.StartsWith("<!-- anatomybot:digest week=2026-W48 -->", created.Body, StringComparison.Ordinal);
        Assert.Equal("""{"state":"closed","state_reason":"completed"}""", _api.Requests[2].Body);
        Assert.Equal("closed", _repo.Issues[7].State);
        Assert.Equal("Bearer test-token", _api.Requests[0].Authorization);
    }

    [Fact]
    public async Task SecondRunOfWeek_UpdatesTheSameIssueNeverCreatesAnother()
    {
        AddDigestIssue(7, "closed", new IsoWeek(2026, 47), "old");
        AddDigestIssue(8, "open", new IsoWeek(2026, 48), "stale body");

        var publication = await Sink().PublishAsync(Digest(), CancellationToken.None);

        Assert.Equal(new DigestPublication("github-issue", DigestPublicationAction.Updated, "https://github.com/contoso/governance/issues/8"), publication);
        Assert.Equal([List, "PATCH " + Issues + "/8"], _api.Requests.Select(r => r.ToString()));
        using var patch = JsonDocument.Parse(_api.Requests[1].Body);
        Assert.Equal("open", patch.RootElement.GetProperty("state").GetString());
        Assert.Contains("## Headline", _repo.Issues[8].Body, StringComparison.Ordinal);
        Assert.Equal(2, _repo.Issues.Count);
    }

    [Fact]
    public async Task SameDigestAgain_WritesNothing()
    {
        AddDigestIssue(8, "open", new IsoWeek(2026, 48), DigestMarkdownRenderer.Render(Digest(), DigestRenderOptions.GitHubIssue()));

        var publication = await Sink().PublishAsync(Digest(), CancellationToken.None);

        Assert.Equal(DigestPublicationAction.Unchanged, publication.Action);
        Assert.Equal([List], _api.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task ListFails_ThrowsHttpRequestException()
    {
        _api.Fail(HttpMethod.Get, "^" + Issues + "$", HttpStatusCode.Forbidden);

        await Assert.ThrowsAsync<HttpRequestException>(() => Sink().PublishAsync(Digest(), CancellationToken.None));
        Assert.Single(_api.Requests);
    }

    public void Dispose()
    {
        _provider?.Dispose();
        _api.AssertAllServed();
        _conformance?.AssertConforms();
        _api.Dispose();
    }

    private GitHubIssueDigestSink Sink()
    {
        var options = new GitHubIssueDigestSinkOptions { Repository = "contoso/governance", Token = "test-token", ApiBaseUrl = FakeGitHub.DefaultBaseUrl };
        var services = new ServiceCollection().AddGitHubIssueDigestSink(options);
        services.AddHttpClient(GitHubIssueDigestSink.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _api);
        _provider = services.BuildServiceProvider();
        return Assert.IsType<GitHubIssueDigestSink>(_provider.GetRequiredService<IDigestSink>());
    }

    /// <summary>A digest issue an earlier run created: labelled, with the week's marker first in its body.</summary>
    private void AddDigestIssue(int number, string state, IsoWeek week, string body)
    {
        var issue = new FakeIssue
        {
            Number = number,
            State = state,
            Title = $"Anatomy digest {week}",
            Body = body.StartsWith("<!--", StringComparison.Ordinal) ? body : DigestMarkers.For(week) + "\n\n" + body,
            Author = "anatomybot[bot]",
            CreatedAt = new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero).AddDays(7 * number),
        };
        issue.Labels.Add("anatomy-digest");
        _repo.Issues[number] = issue;
    }

    private static WeeklyDigest Digest() => DigestBuilder.Build(
        new DigestRequest
        {
            Anatomy = new EnterpriseAnatomy([], [], [], []),
            Week = new IsoWeek(2026, 48),
        },
        [new StoredEvaluation
        {
            Source = Core.Linkage.ItemSource.GitHub, ItemId = "contoso/app#1", Kind = Core.Policy.ItemKind.Epic, Title = "Epic",
            Layer = Layer.Unmapped, Trace = Core.Linkage.Trace.Empty, Gaps = new Dictionary<string, Core.Policy.GapSeverity>(),
            FirstSeen = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), EvaluatedAt = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero),
        }],
        Array.Empty<GapEvent>());
}
