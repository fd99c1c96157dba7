using System.Security.Cryptography;
using AnatomyBot.GitHub.Tests.Harness;

namespace AnatomyBot.GitHub.Tests;

public sealed class GitHubAppAuthTests
{
    [Fact]
    public async Task HandleAsync_AppMode_MintsInstallationTokenWithJwtCachesItAndRemintsBeforeExpiry()
    {
        using var key = RSA.Create(2048);
        using var github = GitHubHarness.ForApp(key);
        github.SetAnatomy(TestAnatomy.Valid);
        github.Api.Installations[77] = ["acme/shop"];
        github.AddPullRequest(5, "x");
        var delivery = WithInstallation(github.PullRequestEvent(5), 77);

        await github.Handler.HandleAsync(delivery, default);
        await github.Handler.HandleAsync(delivery, default);

        var minted = Mints(github).Count();
        Assert.Equal(minted, Mints(github).Select(m => m.Body).Distinct().Count());
        Assert.All(Mints(github), mint => Assert.StartsWith("Bearer ey", mint.Authorization, StringComparison.Ordinal));
        Assert.All(RepositoryRequests(github), r => Assert.StartsWith("Token inst-token-", r.Authorization, StringComparison.Ordinal));

        // 56 minutes later the hour-long tokens have less than the 5-minute margin left: new ones are minted.
        github.Time.Advance(TimeSpan.FromMinutes(56));
        var before = github.Api.Requests.Count;
        await github.Handler.HandleAsync(delivery, default);

        Assert.Contains(github.Api.Requests.Skip(before), r => r.Path.EndsWith("/access_tokens", StringComparison.Ordinal));
        Assert.Equal($"Token inst-token-{Mints(github).Count()}", RepositoryRequests(github).Last().Authorization);
    }

    [Fact]
    public async Task HandleAsync_AppModeDeliveryWithoutInstallation_FindsTheInstallation()
    {
        using var key = RSA.Create(2048);
        using var github = GitHubHarness.ForApp(key);
        github.SetAnatomy(TestAnatomy.Valid);
        github.Api.Installations[77] = ["acme/shop"];
        github.AddPullRequest(5, "x");

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);

        Assert.Equal(["GET /repos/acme/shop/installation", "POST /app/installations/77/access_tokens"], github.Sent.Take(2));
        Assert.All(RepositoryRequests(github), r => Assert.StartsWith("Token inst-token-", r.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_AppMode_MintsEachTokenForTheOneRepositoryAndItsCallsPermissionsOnly()
    {
        using var key = RSA.Create(2048);
        using var github = GitHubHarness.ForApp(key);
        github.SetAnatomy(TestAnatomy.Valid);
        github.Api.Installations[77] = ["acme/shop", "acme/other"];
        github.AddPullRequest(5, "x");

        await github.Handler.HandleAsync(WithInstallation(github.PullRequestEvent(5), 77), default);

        Assert.Equal(
            [
                """{"repositories":["shop"],"permissions":{"pull_requests":"read"}}""",
                """{"repositories":["shop"],"permissions":{"contents":"read"}}""",
                """{"repositories":["shop"],"permissions":{"issues":"read","pull_requests":"read"}}""",
                """{"repositories":["shop"],"permissions":{"checks":"read"}}""",
                """{"repositories":["shop"],"permissions":{"issues":"write","pull_requests":"write"}}""",
                """{"repositories":["shop"],"permissions":{"checks":"write"}}""",
            ],
            Mints(github).Select(m => m.Body));
        Assert.All(Mints(github), m => Assert.Equal("POST /app/installations/77/access_tokens", m.ToString()));
        Assert.All(RepositoryRequests(github), r =>
        {
            var grant = github.Api.GrantOf(r.Authorization!["Token ".Length..]);
            Assert.Equal(["shop"], grant!.Repositories);
            Assert.Equal(r.Method == HttpMethod.Get ? "read" : "write", Assert.Single(grant.Permissions!.Values.Distinct()));
        });
        Assert.Contains(RepositoryRequests(github), r => r.ToString() == "POST /repos/acme/shop/check-runs");

        await github.Handler.HandleAsync(WithInstallation(github.PullRequestEvent(5), 77), default);

        Assert.Equal(6, Mints(github).Count());
    }

    private static IEnumerable<Fakes.RecordedRequest> Mints(GitHubHarness github) =>
        github.Api.Requests.Where(r => r.Path.EndsWith("/access_tokens", StringComparison.Ordinal));

    /// <summary>Requests made as the installation (not as the App).</summary>
    private static IEnumerable<Fakes.RecordedRequest> RepositoryRequests(GitHubHarness github) =>
        github.Api.Requests.Where(r => r.Path != "/app" && !r.Path.StartsWith("/app/", StringComparison.Ordinal) && !r.Path.EndsWith("/installation", StringComparison.Ordinal));

    private static Core.Pipeline.Delivery WithInstallation(Core.Pipeline.Delivery delivery, long id)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(delivery.Body)!.AsObject();
        json["installation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = id };
        return delivery with { Body = json.ToJsonString() };
    }
}
