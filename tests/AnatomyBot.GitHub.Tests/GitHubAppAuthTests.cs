using System.Security.Cryptography;
using AnatomyBot.GitHub.Tests.Harness;

namespace AnatomyBot.GitHub.Tests;

public sealed class GitHubAppAuthTests
{
    [Fact]
    public async Task App_mode_mints_an_installation_token_with_the_jwt_caches_it_and_re_mints_before_expiry()
    {
        using var key = RSA.Create(2048);
        using var github = GitHubHarness.ForApp(key);
        github.SetAnatomy(TestAnatomy.Valid);
        github.Api.Installations[77] = ["acme/shop"];
        github.AddPullRequest(5, "x");
        var delivery = WithInstallation(github.PullRequestEvent(5), 77);

        await github.Handler.HandleAsync(delivery, default);
        await github.Handler.HandleAsync(delivery, default);

        var mint = Assert.Single(Mints(github));
        Assert.StartsWith("Bearer ey", mint.Authorization, StringComparison.Ordinal);
        Assert.All(RepositoryRequests(github), r => Assert.Equal("Token inst-token-1", r.Authorization));

        // 56 minutes later the hour-long token has less than the 5-minute margin left: a new one is minted.
        github.Time.Advance(TimeSpan.FromMinutes(56));
        await github.Handler.HandleAsync(delivery, default);

        Assert.Equal(2, Mints(github).Count());
        Assert.Equal("Token inst-token-2", RepositoryRequests(github).Last().Authorization);
    }

    [Fact]
    public async Task App_mode_finds_the_installation_of_a_delivery_that_names_none()
    {
        using var key = RSA.Create(2048);
        using var github = GitHubHarness.ForApp(key);
        github.SetAnatomy(TestAnatomy.Valid);
        github.Api.Installations[77] = ["acme/shop"];
        github.AddPullRequest(5, "x");

        await github.Handler.HandleAsync(github.PullRequestEvent(5), default);

        Assert.Equal(["GET /repos/acme/shop/installation", "POST /app/installations/77/access_tokens"], github.Sent.Take(2));
        Assert.All(RepositoryRequests(github).Skip(1), r => Assert.Equal("Token inst-token-1", r.Authorization));
    }

    private static IEnumerable<Fakes.RecordedRequest> Mints(GitHubHarness github) =>
        github.Api.Requests.Where(r => r.Path.EndsWith("/access_tokens", StringComparison.Ordinal));

    /// <summary>Requests made as the installation (not as the App).</summary>
    private static IEnumerable<Fakes.RecordedRequest> RepositoryRequests(GitHubHarness github) =>
        github.Api.Requests.Where(r => !r.Path.StartsWith("/app/", StringComparison.Ordinal) && !r.Path.EndsWith("/installation", StringComparison.Ordinal));

    private static Core.Pipeline.Delivery WithInstallation(Core.Pipeline.Delivery delivery, long id)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(delivery.Body)!.AsObject();
        json["installation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = id };
        return delivery with { Body = json.ToJsonString() };
    }
}
