using System.Net;
using System.Net.Http.Headers;
using AnatomyBot.Fakes.GitHub;

namespace AnatomyBot.Fakes.Tests;

/// <summary>The fake served over loopback, as the demo and <c>serve</c> under load use it.</summary>
public sealed class FakeApiServerTests
{
    [Fact]
    public async Task StartAsync_ServesTheFakeAndPointsItsBaseUrlAtTheServer()
    {
        using var fake = new FakeGitHub();
        fake.Repository("acme", "shop").Files["a.txt"] = "hello";
        await using var server = await FakeApiServer.StartAsync(fake, "/", CancellationToken.None);
        using var http = Client(server);

        using var response = await http.GetAsync(new Uri("repos/acme/shop/contents/a.txt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(server.BaseUrl, fake.BaseUrl);
        Assert.Contains($"\"url\":\"{server.BaseUrl}repos/acme/shop/contents/a.txt?ref=main\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["GET /repos/acme/shop/contents/a.txt"], fake.Requests.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Unserved_Answers501AndStaysInTheFake()
    {
        using var fake = new FakeGitHub();
        await using var server = await FakeApiServer.StartAsync(fake, "/", CancellationToken.None);
        using var http = Client(server);

        using var response = await http.GetAsync(new Uri("rate_limit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Equal(["GET /rate_limit"], fake.Unserved.Select(r => r.ToString()));
    }

    [Fact]
    public async Task Request_WithoutCredentials_Is401AndNeverReachesTheFake()
    {
        using var fake = new FakeGitHub();
        await using var server = await FakeApiServer.StartAsync(fake, "/", CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        using var response = await http.GetAsync(new Uri("repos/acme/shop/issues/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(fake.Requests);
        Assert.Single(server.Requests);
    }

    private static HttpClient Client(FakeApiServer server)
    {
        var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "t");
        return http;
    }
}
