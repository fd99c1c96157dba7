using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AnatomyBot.Fakes.GitHub;

namespace AnatomyBot.Fakes.Tests.GitHub;

/// <summary>The fake answers as GitHub does: pages with <c>Link</c>, 404/410/422 with GitHub's error bodies, ETag and 304,
/// check runs by name with <c>filter=latest</c>, App endpoints only with the App's JWT.</summary>
public sealed class FakeGitHubTests : IDisposable
{
    private readonly FakeGitHub _fake = new();
    private readonly HttpClient _http;
    private readonly FakeGitHubRepository _repo;

    public FakeGitHubTests()
    {
        _http = new HttpClient(_fake, disposeHandler: false) { BaseAddress = FakeGitHub.DefaultBaseUrl };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "t");
        _repo = _fake.Repository("acme", "shop");
    }

    public void Dispose()
    {
        _http.Dispose();
        _fake.AssertAllServed();
        _fake.Dispose();
    }

    [Fact]
    public async Task ListIssues_MoreThanAPage_LinksToTheNextAndLastPage()
    {
        for (var n = 1; n <= 5; n++)
        {
            _repo.Issues[n] = new FakeIssue { Number = n, State = n == 2 ? "closed" : "open" };
        }

        using var first = await _http.GetAsync(new Uri("repos/acme/shop/issues?state=open&per_page=3", UriKind.Relative));
        using var second = await _http.GetAsync(new Uri("repos/acme/shop/issues?state=open&per_page=3&page=2", UriKind.Relative));

        var firstPage = Numbers(await first.Content.ReadFromJsonAsync<JsonArray>());
        var secondPage = Numbers(await second.Content.ReadFromJsonAsync<JsonArray>());
        Assert.Equal([1, 3, 4], firstPage);
        Assert.Equal(
            "<https://api.github.test/repos/acme/shop/issues?state=open&per_page=3&page=2>; rel=\"next\", <https://api.github.test/repos/acme/shop/issues?state=open&per_page=3&page=2>; rel=\"last\"",
            Assert.Single(first.Headers.GetValues("Link")));
        Assert.Equal([5], secondPage);
        Assert.False(second.Headers.Contains("Link"));
    }

    [Fact]
    public async Task GetIssue_DeletedOrMissing_Answers410Or404WithGitHubsErrorBody()
    {
        _repo.Issues[7] = new FakeIssue { Number = 7, Deleted = true };

        using var gone = await _http.GetAsync(new Uri("repos/acme/shop/issues/7", UriKind.Relative));
        using var missing = await _http.GetAsync(new Uri("repos/acme/shop/issues/8", UriKind.Relative));
        using var noRepo = await _http.GetAsync(new Uri("repos/acme/other/issues/8", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Gone, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (gone.StatusCode, missing.StatusCode, noRepo.StatusCode));
        var body = await missing.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(("Not Found", "https://docs.github.com/rest"), ((string?)body!["message"], (string?)body["documentation_url"]));
    }

    [Fact]
    public async Task CreateLabel_Twice_AnswersValidationFailedAlreadyExists()
    {
        using var created = await _http.PostAsJsonAsync(new Uri("repos/acme/shop/labels", UriKind.Relative), new { name = "anatomy:no-stage", color = "d73a4a" });
        using var again = await _http.PostAsJsonAsync(new Uri("repos/acme/shop/labels", UriKind.Relative), new { name = "Anatomy:No-Stage", color = "d73a4a" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity), (created.StatusCode, again.StatusCode));
        var error = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Validation Failed", (string?)error!["message"]);
        Assert.Equal("already_exists", (string?)error["errors"]![0]!["code"]);
        Assert.Equal("d73a4a", _repo.Labels["anatomy:no-stage"].Color);
    }

    [Fact]
    public async Task Labels_AddThenRemoveTwice_SecondRemovalIs404LabelDoesNotExist()
    {
        _repo.Issues[5] = new FakeIssue { Number = 5 };

        using var added = await _http.PostAsJsonAsync(new Uri("repos/acme/shop/issues/5/labels", UriKind.Relative), new[] { "anatomy:no-stage", "story" });
        using var removed = await _http.DeleteAsync(new Uri("repos/acme/shop/issues/5/labels/anatomy%3Ano-stage", UriKind.Relative));
        using var again = await _http.DeleteAsync(new Uri("repos/acme/shop/issues/5/labels/anatomy%3Ano-stage", UriKind.Relative));

        Assert.Equal(["anatomy:no-stage", "story"], (await added.Content.ReadFromJsonAsync<JsonArray>())!.Select(l => (string?)l!["name"]));
        Assert.Equal(["story"], (await removed.Content.ReadFromJsonAsync<JsonArray>())!.Select(l => (string?)l!["name"]));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("Label does not exist", (string?)(await again.Content.ReadFromJsonAsync<JsonObject>())!["message"]);
        Assert.Equal(["story"], _repo.Issues[5].Labels);
    }

    [Fact]
    public async Task GetContents_SameETagAgain_Answers304()
    {
        _repo.Files[".github/anatomy.yml"] = "version: 1\n";

        using var first = await _http.GetAsync(new Uri("repos/acme/shop/contents/.github/anatomy.yml", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("repos/acme/shop/contents/.github/anatomy.yml", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _http.SendAsync(request);

        var file = await first.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("version: 1\n", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)file!["content"]!)));
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(1, _fake.NotModified);
    }

    [Fact]
    public async Task GetContents_RawMediaType_AnswersTheFileItself()
    {
        _repo.Files["anatomy.yml"] = "version: 1\n";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("repos/acme/shop/contents/anatomy.yml", UriKind.Relative));
        request.Headers.Accept.ParseAdd(FakeGitHub.RawMediaType);

        using var response = await _http.SendAsync(request);

        Assert.Equal(FakeGitHub.RawMediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("version: 1\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CheckRuns_FilterLatest_KeepsTheNewestRunOfEachName()
    {
        await _http.PostAsJsonAsync(new Uri("repos/acme/shop/check-runs", UriKind.Relative), new { name = "anatomy", head_sha = "abc", conclusion = "failure" });
        await _http.PostAsJsonAsync(new Uri("repos/acme/shop/check-runs", UriKind.Relative), new { name = "anatomy", head_sha = "abc", conclusion = "success" });
        await _http.PostAsJsonAsync(new Uri("repos/acme/shop/check-runs", UriKind.Relative), new { name = "build", head_sha = "abc", status = "in_progress" });

        var latest = await _http.GetFromJsonAsync<JsonObject>(new Uri("repos/acme/shop/commits/abc/check-runs?check_name=anatomy&filter=latest", UriKind.Relative));
        var all = await _http.GetFromJsonAsync<JsonObject>(new Uri("repos/acme/shop/commits/abc/check-runs?filter=all", UriKind.Relative));

        var run = Assert.Single(latest!["check_runs"]!.AsArray());
        Assert.Equal(("success", "completed"), ((string?)run!["conclusion"], (string?)run["status"]));
        Assert.Equal(3, (int)all!["total_count"]!);
    }

    [Fact]
    public async Task Comments_CreateEditDelete_ChangeTheIssue()
    {
        var issue = _repo.Issues[5] = new FakeIssue { Number = 5 };

        using var created = await _http.PostAsJsonAsync(new Uri("repos/acme/shop/issues/5/comments", UriKind.Relative), new { body = "one" });
        var json = await created.Content.ReadFromJsonAsync<JsonObject>();
        var id = (long)json!["id"]!;
        using var edited = await _http.PatchAsJsonAsync(new Uri($"repos/acme/shop/issues/comments/{id}", UriKind.Relative), new { body = "two" });
        var body = issue.Comments.Single().Body;
        using var deleted = await _http.DeleteAsync(new Uri($"repos/acme/shop/issues/comments/{id}", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.NoContent), (created.StatusCode, edited.StatusCode, deleted.StatusCode));
        Assert.Equal("two", body);
        Assert.Empty(issue.Comments);
        Assert.Equal("anatomybot[bot]", (string?)json["user"]!["login"]);
        Assert.Equal(3, _fake.Writes.Count);
    }

    [Fact]
    public async Task Timeline_PullRequestMentioningTheIssue_IsACrossReference()
    {
        _repo.Issues[1] = new FakeIssue { Number = 1 };
        _repo.Issues[5] = new FakeIssue { Number = 5, IsPullRequest = true, Body = "Closes #1" };
        _repo.Issues[6] = new FakeIssue { Number = 6, IsPullRequest = true, Body = "Closes #10" };

        var timeline = await _http.GetFromJsonAsync<JsonArray>(new Uri("repos/acme/shop/issues/1/timeline", UriKind.Relative));

        var entry = Assert.Single(timeline!);
        Assert.Equal(("cross-referenced", 5), ((string?)entry!["event"], (int)entry["source"]!["issue"]!["number"]!));
    }

    [Fact]
    public async Task AppEndpoints_WithoutTheAppsJwt_Answer401()
    {
        _fake.Installations[77] = ["acme/shop"];

        using var asToken = await _http.PostAsync(new Uri("app/installations/77/access_tokens", UriKind.Relative), null);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("app/installations/77/access_tokens", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJ.jwt");
        using var asApp = await _http.SendAsync(request);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Created), (asToken.StatusCode, asApp.StatusCode));
        Assert.Equal(77, _fake.InstallationOf("inst-token-1"));
    }

    [Fact]
    public async Task InstallationToken_LimitedToARepositoryAndPermission_AnswersLikeGitHubOutsideThem()
    {
        _fake.Installations[77] = ["acme/shop", "acme/other"];
        _fake.Repository("acme", "other").Issues[1] = new FakeIssue { Number = 1 };
        _repo.Issues[1] = new FakeIssue { Number = 1 };
        using var mint = new HttpRequestMessage(HttpMethod.Post, new Uri("app/installations/77/access_tokens", UriKind.Relative))
        {
            Content = new StringContent("""{"repositories":["shop"],"permissions":{"issues":"read"}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        mint.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJ.jwt");
        using var minted = await _http.SendAsync(mint);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "inst-token-1");

        using var read = await _http.GetAsync(new Uri("repos/acme/shop/issues/1", UriKind.Relative));
        using var otherRepository = await _http.GetAsync(new Uri("repos/acme/other/issues/1", UriKind.Relative));
        using var write = await _http.PostAsJsonAsync(new Uri("repos/acme/shop/issues/1/comments", UriKind.Relative), new { body = "x" });
        using var files = await _http.GetAsync(new Uri("repos/acme/shop/contents/README.md", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, minted.StatusCode);
        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (read.StatusCode, otherRepository.StatusCode, write.StatusCode, files.StatusCode));
        Assert.Equal(["shop"], _fake.GrantOf("inst-token-1")!.Repositories);
    }

    [Fact]
    public async Task InstallationToken_ForARepositoryOutsideTheInstallation_Answers422()
    {
        _fake.Installations[77] = ["acme/shop"];
        using var mint = new HttpRequestMessage(HttpMethod.Post, new Uri("app/installations/77/access_tokens", UriKind.Relative))
        {
            Content = new StringContent("""{"repositories":["elsewhere"]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        mint.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJ.jwt");

        using var minted = await _http.SendAsync(mint);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, minted.StatusCode);
    }

    private static int[] Numbers(JsonArray? items) => [.. items!.Select(i => (int)i!["number"]!)];
}
