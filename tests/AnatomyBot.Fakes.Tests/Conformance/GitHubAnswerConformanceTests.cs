using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.Testing.Conformance;

namespace AnatomyBot.Fakes.Tests.Conformance;

/// <summary>Every route of the GitHub fake, each way it answers (found, missing, gone, refused), validated against GitHub's
/// OpenAPI description as it happens: the answer's status is documented and its body validates against the schema.</summary>
public sealed class GitHubAnswerConformanceTests
{
    [Fact]
    public async Task EveryRoute_EachWayItAnswers_ConformsToTheDescription()
    {
        var validator = ExchangeValidator.ForGitHub();
        Assert.SkipWhen(validator is null, "The conformance corpus is not in this checkout.");
        using var fake = Seeded();
        validator.Attach(fake);
        using var http = new HttpClient(fake, disposeHandler: false) { BaseAddress = FakeGitHub.DefaultBaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "inst-token-1");

        await ExerciseAsync(http);

        validator.AssertConforms();
        Assert.Empty(fake.Unserved);
        var exercised = fake.Requests.Select(r => r.ToString()).ToList();
        Assert.Equal(validator.Checked, exercised.Count);
        Assert.All(fake.Routes, route => Assert.Contains(exercised, r => Covers(route, r)));
    }

    [Fact]
    public async Task Validator_AnswerMissingARequiredField_IsAViolation()
    {
        var validator = ExchangeValidator.ForGitHub();
        Assert.SkipWhen(validator is null, "The conformance corpus is not in this checkout.");
        using var fake = Seeded();
        validator.Attach(fake);
        fake.Queue(HttpMethod.Get, "/issues/1$", () => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"number": 1, "title": "no id, no user"}""", System.Text.Encoding.UTF8, "application/json"),
        });
        using var http = new HttpClient(fake, disposeHandler: false) { BaseAddress = FakeGitHub.DefaultBaseUrl };

        using var _ = await http.GetAsync(new Uri("repos/acme/shop/issues/1?filter=assigned", UriKind.Relative));
        using var __ = await http.PostAsJsonAsync(new Uri("repos/acme/shop/issues/1/comments", UriKind.Relative), new { text = "no body" });

        var violations = validator.Violations;
        Assert.Contains(violations, v => v.Contains("query parameter 'filter' is not documented", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("answer does not validate", StringComparison.Ordinal) && v.Contains("required", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("request body does not validate", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(validator.AssertConforms);
    }

    private static FakeGitHub Seeded()
    {
        var fake = new FakeGitHub();
        var repo = fake.Repository("acme", "shop");
        repo.Files[".github/anatomy.yml"] = "version: 1\n";
        repo.Issues[1] = new FakeIssue { Number = 1, Title = "Epic", Body = "Outcome: O-1", Type = "Epic" };
        repo.Issues[2] = new FakeIssue { Number = 2, Title = "Story", Parent = 1 };
        repo.Issues[3] = new FakeIssue { Number = 3, Deleted = true };
        var pr = new FakeIssue { Number = 5, IsPullRequest = true, Title = "Change", Body = "Closes #1", HeadSha = "abc123", HeadRepository = "stranger/shop" };
        pr.Files.Add("src/a.cs");
        pr.Labels.Add("story");
        repo.Issues[5] = pr;
        repo.Issues[6] = new FakeIssue { Number = 6, IsPullRequest = true, State = "merged", HeadSha = "def456" };
        fake.AddComment(repo.Issues[2], "a person's comment", "dana");
        fake.Installations[77] = ["acme/shop"];
        repo.RequiredStatusChecks = ["ci/build", "anatomy"];
        repo.CheckRuns.Add(new FakeCheckRun(8, "anatomy", "abc123", "completed", "success", "ok", "s")
        {
            AppSlug = "github-actions", StartedAt = DateTimeOffset.UnixEpoch, CompletedAt = DateTimeOffset.UnixEpoch,
        });
        fake.Grant("acme/shop", "lead", "maintain");
        fake.TeamMembers["acme/architects"] = ["alice"];
        return fake;
    }

    private static async Task ExerciseAsync(HttpClient http)
    {
        string[] gets =
        [
            "repos/acme/shop/issues?state=open&per_page=2", "repos/acme/shop/issues?state=all&per_page=2&page=2",
            "repos/acme/shop/issues?labels=story&state=all&sort=created&direction=desc&per_page=100",
            "repos/acme/shop/issues/1", "repos/acme/shop/issues/2", "repos/acme/shop/issues/3", "repos/acme/shop/issues/9", "repos/acme/gone/issues/1",
            "repos/acme/shop/issues/2/parent", "repos/acme/shop/issues/1/parent",
            "repos/acme/shop/issues/1/timeline", "repos/acme/shop/issues/3/timeline",
            "repos/acme/shop/issues/2/comments", "repos/acme/shop/pulls/5", "repos/acme/shop/pulls/6", "repos/acme/shop/pulls/1", "repos/acme/shop/pulls/5/files",
            "repos/acme/shop/contents/.github/anatomy.yml", "repos/acme/shop/contents/missing.yml", "repos/acme/shop/installation", "repos/acme/other/installation",
        ];
        foreach (var get in gets)
        {
            await SendAsync(http, HttpMethod.Get, get, null, get.EndsWith("/installation", StringComparison.Ordinal) ? "Bearer" : null);
        }

        using (var raw = new HttpRequestMessage(HttpMethod.Get, new Uri("repos/acme/shop/contents/.github/anatomy.yml?ref=main", UriKind.Relative)))
        {
            raw.Headers.Accept.ParseAdd(FakeGitHub.RawMediaType);
            using var response = await http.SendAsync(raw);
        }

        using (var conditional = new HttpRequestMessage(HttpMethod.Get, new Uri("repos/acme/shop/contents/.github/anatomy.yml", UriKind.Relative)))
        {
            conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{FakeGitHubJson.Sha("version: 1\n")}\""));
            using var response = await http.SendAsync(conditional);
        }

        await SendAsync(http, HttpMethod.Post, "repos/acme/shop/issues", new { title = "Anatomy digest 2026-W48", body = "digest", labels = new[] { "anatomy-digest" } });
        await SendAsync(http, HttpMethod.Patch, "repos/acme/shop/issues/2", new { state = "closed", state_reason = "completed" });
        await SendAsync(http, HttpMethod.Post, "repos/acme/shop/labels", new { name = "anatomy:no-stage", color = "d73a4a", description = "No stage linked" });
        await SendAsync(http, HttpMethod.Post, "repos/acme/shop/labels", new { name = "anatomy:no-stage", color = "d73a4a" });
        await SendAsync(http, HttpMethod.Post, "repos/acme/shop/issues/5/labels", new { labels = new[] { "anatomy:no-stage" } });
        await SendAsync(http, HttpMethod.Delete, "repos/acme/shop/issues/5/labels/anatomy%3Ano-stage", null);
        await SendAsync(http, HttpMethod.Delete, "repos/acme/shop/issues/5/labels/anatomy%3Ano-stage", null);
        await SendAsync(http, HttpMethod.Post, "repos/acme/shop/issues/5/comments", new { body = "<!-- anatomybot:trace -->" });
        await SendAsync(http, HttpMethod.Patch, "repos/acme/shop/issues/comments/1000", new { body = "edited" });
        await SendAsync(http, HttpMethod.Delete, "repos/acme/shop/issues/comments/1000", null);
        await SendAsync(http, HttpMethod.Delete, "repos/acme/shop/issues/comments/1000", null);
        await SendAsync(http, HttpMethod.Post, "repos/acme/shop/check-runs", new { name = "anatomy", head_sha = "abc123", status = "completed", conclusion = "failure", output = new { title = "1 gap", summary = "s" } });
        await SendAsync(http, HttpMethod.Patch, "repos/acme/shop/check-runs/1002", new { status = "completed", conclusion = "success", output = new { title = "ok", summary = "s" } });
        await SendAsync(http, HttpMethod.Patch, "repos/acme/shop/check-runs/9", new { conclusion = "success" });
        await SendAsync(http, HttpMethod.Patch, "repos/acme/shop/check-runs/8", new { conclusion = "failure" });
        await SendAsync(http, HttpMethod.Get, "repos/acme/shop/commits/abc123/check-runs?check_name=anatomy&filter=latest", null);
        await SendAsync(http, HttpMethod.Post, "repos/acme/shop/statuses/abc123", new { state = "failure", description = "1 gap", context = "anatomy", target_url = "https://github.com/acme/shop/pull/5#issuecomment-1" });
        await SendAsync(http, HttpMethod.Get, "repos/acme/shop/commits/abc123/statuses", null);

        // As the App (its JWT), then as the installation its token stands for.
        await SendAsync(http, HttpMethod.Get, "app/installations?per_page=100", null, "Bearer");
        await SendAsync(http, HttpMethod.Post, "app/installations/77/access_tokens", null, "Bearer");
        await SendAsync(http, HttpMethod.Post, "app/installations/78/access_tokens", null, "Bearer");
        await SendAsync(http, HttpMethod.Get, "repos/acme/shop/installation", null, "Bearer");
        await SendAsync(http, HttpMethod.Get, "repos/acme/other/installation", null, "Bearer");
        await SendAsync(http, HttpMethod.Get, "app/installations", null);
        await SendAsync(http, HttpMethod.Get, "installation/repositories?per_page=100", null);
        await SendAsync(http, HttpMethod.Get, "installation/repositories", null, "Token");
        await SendAsync(http, HttpMethod.Get, "app", null, "Bearer");
        await SendAsync(http, HttpMethod.Get, "app", null);
        await SendAsync(http, HttpMethod.Get, "app/hook/config", null, "Bearer");
        await SendAsync(http, HttpMethod.Get, "user", null, "Token");
        await SendAsync(http, HttpMethod.Get, "user", null);
        await SendAsync(http, HttpMethod.Get, "user", null, "Bearer");
        await SendAsync(http, HttpMethod.Get, "repos/acme/shop", null);
        await SendAsync(http, HttpMethod.Get, "repos/acme/gone", null);
        await SendAsync(http, HttpMethod.Get, "repos/acme/shop/branches/main/protection/required_status_checks", null);
        await SendAsync(http, HttpMethod.Get, "repos/acme/shop/branches/dev/protection/required_status_checks", null);
        await SendAsync(http, HttpMethod.Get, "repos/acme/shop/collaborators/lead/permission", null);
        await SendAsync(http, HttpMethod.Get, "repos/acme/shop/collaborators/stranger/permission", null);
        await SendAsync(http, HttpMethod.Get, "orgs/acme/teams/architects/memberships/alice", null);
        await SendAsync(http, HttpMethod.Get, "orgs/acme/teams/architects/memberships/bob", null);
    }

    /// <summary>Sends one request, authorized by <c>scheme</c>: <c>Bearer</c> (the App's JWT), <c>Token</c> with an unknown
    /// token, or the client's default (the installation token) when null.</summary>
    private static async Task SendAsync(HttpClient http, HttpMethod method, string path, object? body, string? scheme = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        if (scheme is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, scheme == "Bearer" ? "eyJ.app.jwt" : "unknown");
        }

        using var response = await http.SendAsync(request);
    }

    private static bool Covers(FakeRoute route, string request) =>
        request.StartsWith(route.Method.Method + " ", StringComparison.Ordinal)
        && route.Template.TryMatch(request[(route.Method.Method.Length + 1)..].Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries), out _);
}
