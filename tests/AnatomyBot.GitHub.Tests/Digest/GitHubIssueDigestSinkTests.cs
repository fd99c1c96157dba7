using System.Text.Json;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;
using AnatomyBot.Core.Ledger;
using AnatomyBot.GitHub.Digest;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AnatomyBot.GitHub.Tests.Digest;

public sealed class GitHubIssueDigestSinkTests : IDisposable
{
    private const string ListPath = "/repos/contoso/governance/issues";
    private readonly WireMockServer _server = WireMockServer.Start();
    private ServiceProvider? _provider;

    [Fact]
    public async Task FirstRunOfWeek_CreatesLabelledIssueAndClosesLastWeeksIssue()
    {
        ListReturns(Issue(7, "open", new IsoWeek(2026, 47), "old body"), Issue(3, "closed", new IsoWeek(2026, 46), "older"));
        _server.Given(Request.Create().WithPath(ListPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{"number":8,"state":"open","html_url":"https://github.com/contoso/governance/issues/8"}"""));
        _server.Given(Request.Create().WithPath(ListPath + "/7").UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"number":7,"state":"closed"}"""));

        var publication = await Sink().PublishAsync(Digest(), CancellationToken.None);

        Assert.Equal(new DigestPublication("github-issue", DigestPublicationAction.Created, "https://github.com/contoso/governance/issues/8"), publication);
        var requests = Requests();
        Assert.Equal(
            [("GET", ListPath + "?labels=anatomy-digest&state=all&sort=created&direction=desc&per_page=100"), ("POST", ListPath), ("PATCH", ListPath + "/7")],
            requests.Select(r => (r.Method, r.Url)));
        using var created = JsonDocument.Parse(requests[1].Body!);
        Assert.Equal("Anatomy digest 2026-W48", created.RootElement.GetProperty("title").GetString());
        Assert.Equal(["anatomy-digest"], created.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.StartsWith("<!-- anatomybot:digest week=2026-W48 -->", created.RootElement.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("""{"state":"closed","state_reason":"completed"}""", requests[2].Body);
        Assert.Equal("Bearer test-token", requests[0].Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task SecondRunOfWeek_UpdatesTheSameIssueNeverCreatesAnother()
    {
        ListReturns(Issue(8, "open", new IsoWeek(2026, 48), "stale body"), Issue(7, "closed", new IsoWeek(2026, 47), "old"));
        _server.Given(Request.Create().WithPath(ListPath + "/8").UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"number":8,"state":"open","html_url":"https://github.com/contoso/governance/issues/8"}"""));

        var publication = await Sink().PublishAsync(Digest(), CancellationToken.None);

        Assert.Equal(DigestPublicationAction.Updated, publication.Action);
        var requests = Requests();
        Assert.Equal(["GET", "PATCH"], requests.Select(r => r.Method));
        using var patch = JsonDocument.Parse(requests[1].Body!);
        Assert.Equal("open", patch.RootElement.GetProperty("state").GetString());
        Assert.Contains("## Headline", patch.RootElement.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameDigestAgain_WritesNothing()
    {
        var body = DigestMarkdownRenderer.Render(Digest(), DigestRenderOptions.GitHubIssue());
        ListReturns(Issue(8, "open", new IsoWeek(2026, 48), body));

        var publication = await Sink().PublishAsync(Digest(), CancellationToken.None);

        Assert.Equal(DigestPublicationAction.Unchanged, publication.Action);
        Assert.Equal(["GET"], Requests().Select(r => r.Method));
    }

    [Fact]
    public async Task ListFails_ThrowsHttpRequestException()
    {
        _server.Given(Request.Create().WithPath(ListPath).UsingGet()).RespondWith(Response.Create().WithStatusCode(403));

        await Assert.ThrowsAsync<HttpRequestException>(() => Sink().PublishAsync(Digest(), CancellationToken.None));
        Assert.Single(Requests());
    }

    public void Dispose()
    {
        _provider?.Dispose();
        _server.Dispose();
    }

    private GitHubIssueDigestSink Sink()
    {
        var options = new GitHubIssueDigestSinkOptions { Repository = "contoso/governance", Token = "test-token", ApiBaseUrl = new Uri(_server.Url!) };
        _provider = new ServiceCollection().AddGitHubIssueDigestSink(options).BuildServiceProvider();
        return Assert.IsType<GitHubIssueDigestSink>(_provider.GetRequiredService<IDigestSink>());
    }

    private void ListReturns(params Dictionary<string, object?>[] issues) =>
        _server.Given(Request.Create().WithPath(ListPath).UsingGet().WithParam("labels", "anatomy-digest"))
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(JsonSerializer.Serialize(issues)));

    private static Dictionary<string, object?> Issue(int number, string state, IsoWeek week, string body) => new Dictionary<string, object?>
    {
        ["number"] = number,
        ["state"] = state,
        ["title"] = $"Anatomy digest {week}",
        ["body"] = body.StartsWith("<!--", StringComparison.Ordinal) ? body : DigestMarkers.For(week) + "\n\n" + body,
        ["html_url"] = $"https://github.com/contoso/governance/issues/{number}",
    };

    private List<(string Method, string Url, string? Body, IDictionary<string, WireMock.Types.WireMockList<string>>? Headers)> Requests() =>
        [.. _server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(e => Describe(e))];

    private static (string, string, string?, IDictionary<string, WireMock.Types.WireMockList<string>>?) Describe(ILogEntry entry) =>
        (entry.RequestMessage.Method, entry.RequestMessage.Path + (entry.RequestMessage.RawQuery is { Length: > 0 } q ? "?" + q.TrimStart('?') : ""), entry.RequestMessage.Body, entry.RequestMessage.Headers);

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
