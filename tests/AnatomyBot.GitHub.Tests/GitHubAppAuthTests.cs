using System.Security.Cryptography;
using AnatomyBot.GitHub.Tests.Fakes;

namespace AnatomyBot.GitHub.Tests;

public sealed class GitHubAppAuthTests
{
    [Fact]
    public async Task App_mode_mints_an_installation_token_with_the_jwt_caches_it_and_re_mints_before_expiry()
    {
        using var key = RSA.Create(2048);
        using var github = GitHubHarness.ForApp(key);
        github.Api.Anatomy["acme/shop"] = TestAnatomy.Valid;
        github.AddPullRequest(5, "x");
        var delivery = WithInstallation(github.PullRequestEvent(5), 77);

        await github.Handler.HandleAsync(delivery, default);
        await github.Handler.HandleAsync(delivery, default);

        var mint = Assert.Single(github.Api.TokenMints);
        Assert.StartsWith("Bearer ey", mint, StringComparison.Ordinal);
        Assert.All(github.Api.Authorizations, a => Assert.Equal("Token inst-token-1", a));

        // 56 minutes later the hour-long token has less than the 5-minute margin left: a new one is minted.
        github.Time.Advance(TimeSpan.FromMinutes(56));
        github.Api.Now = github.Time.GetUtcNow();
        await github.Handler.HandleAsync(delivery, default);

        Assert.Equal(2, github.Api.TokenMints.Count);
        Assert.Equal("Token inst-token-2", github.Api.Authorizations.Last());
    }

    private static Core.Pipeline.Delivery WithInstallation(Core.Pipeline.Delivery delivery, long id)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(delivery.Body)!.AsObject();
        json["installation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = id };
        return delivery with { Body = json.ToJsonString() };
    }
}
