using System.Text.RegularExpressions;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.GitHub.Auth;

namespace AnatomyBot.GitHub.Tests;

public sealed partial class TokenScopeTests
{
    [Theory]
    [InlineData("GET", "repos/acme/shop/contents/.github/anatomy.yml", "contents:read")]
    [InlineData("GET", "repos/acme/shop/issues/5", "issues:read,pull_requests:read")]
    [InlineData("GET", "repos/acme/shop/issues/5/comments", "issues:read,pull_requests:read")]
    [InlineData("POST", "repos/acme/shop/issues/5/comments", "issues:write,pull_requests:write")]
    [InlineData("PATCH", "repos/acme/shop/issues/comments/9", "issues:write,pull_requests:write")]
    [InlineData("DELETE", "repos/acme/shop/issues/5/labels/anatomy:no-stage", "issues:write,pull_requests:write")]
    [InlineData("POST", "repos/acme/shop/labels", "issues:write,pull_requests:write")]
    [InlineData("GET", "repos/acme/shop/pulls/5/files", "pull_requests:read")]
    [InlineData("GET", "repos/acme/shop/commits/0123abc/check-runs", "checks:read")]
    [InlineData("POST", "repos/acme/shop/check-runs", "checks:write")]
    [InlineData("PATCH", "repos/acme/shop/check-runs/77", "checks:write")]
    [InlineData("GET", "repos/acme/shop/branches/main/protection/required_status_checks", "administration:read")]
    [InlineData("GET", "repos/acme/shop/collaborators/octocat/permission", "metadata:read")]
    [InlineData("GET", "repos/acme/shop", "metadata:read")]
    public void For_RepositoryCall_OneRepositoryAndThePermissionOfItsKind(string method, string path, string permissions)
    {
        Assert.Equal(new TokenScope("shop", permissions), TokenScopes.For(new HttpMethod(method), path));
    }

    [Fact]
    public void For_InstallationListing_NoRepositoryAndMetadataOnly()
    {
        Assert.Equal(new TokenScope(null, "metadata:read"), TokenScopes.For(HttpMethod.Get, "/installation/repositories"));
    }

    [Fact]
    public void For_RepositoryCallOfAnUnlistedKind_IsRefusedRatherThanSentWithABroaderToken()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TokenScopes.For(HttpMethod.Post, "repos/acme/shop/hooks"));

        Assert.Contains("hooks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_EveryInstallationRouteTheFakeServes_HasAScopeNamingItsRepository()
    {
        var routes = new FakeGitHub().Routes
            .Select(r => (r.Method, Path: r.Template.ToString()))
            .Where(r => !r.Path.StartsWith("/app/", StringComparison.Ordinal) && !r.Path.EndsWith("/installation", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, r =>
        {
            var scope = TokenScopes.For(r.Method, Placeholder().Replace(r.Path, m => m.Groups[1].Value));
            Assert.Equal(r.Path.StartsWith("/repos/", StringComparison.Ordinal) ? "repo" : null, scope.Repository);
            Assert.EndsWith(r.Method == HttpMethod.Get ? ":read" : ":write", scope.Permissions, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void RequestBody_NamesTheRepositoryAndEachPermission()
    {
        Assert.Equal(
            """{"repositories":["shop"],"permissions":{"issues":"write","pull_requests":"write"}}""",
            new TokenScope("shop", "issues:write,pull_requests:write").RequestBody());
        Assert.Equal("""{"permissions":{"metadata":"read"}}""", new TokenScope(null, "metadata:read").RequestBody());
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
