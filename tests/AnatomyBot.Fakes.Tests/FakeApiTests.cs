using System.Net;
using AnatomyBot.Fakes.GitHub;

namespace AnatomyBot.Fakes.Tests;

/// <summary>What every fake does, shown on the GitHub one: unserved requests fail loudly, faults stand in front of
/// routes, requests are recorded.</summary>
public sealed class FakeApiTests
{
    [Fact]
    public async Task SendAsync_RequestNoRouteServes_ThrowsAndIsKeptForAssertAllServed()
    {
        var fake = new FakeGitHub();
        using var http = new HttpClient(fake) { BaseAddress = FakeGitHub.DefaultBaseUrl };

        var error = await Assert.ThrowsAsync<UnservedRequestException>(() => http.GetAsync(new Uri("repos/acme/shop/branches", UriKind.Relative)));

        Assert.Contains("GET /repos/acme/shop/branches", error.Message, StringComparison.Ordinal);
        Assert.Equal(["GET /repos/acme/shop/branches"], fake.Unserved.Select(r => r.ToString()));
        Assert.Throws<UnservedRequestException>(fake.AssertAllServed);
    }

    [Fact]
    public async Task SendAsync_KnownRouteWithAnotherMethod_IsUnserved()
    {
        var fake = new FakeGitHub();
        fake.Repository("acme", "shop");
        using var http = new HttpClient(fake) { BaseAddress = FakeGitHub.DefaultBaseUrl };

        await Assert.ThrowsAsync<UnservedRequestException>(() => http.PutAsync(new Uri("repos/acme/shop/labels", UriKind.Relative), null));

        Assert.Single(fake.Unserved);
    }

    [Fact]
    public async Task SendAsync_RequestOutsideTheBaseUrl_IsUnserved()
    {
        var fake = new FakeGitHub();
        using var http = new HttpClient(fake);

        await Assert.ThrowsAsync<UnservedRequestException>(() => http.GetAsync(new Uri("https://api.github.com/repos/acme/shop/issues")));
    }

    [Fact]
    public async Task Fail_UntilCleared_AnswersTheFaultInsteadOfTheRoute()
    {
        var fake = new FakeGitHub();
        fake.Repository("acme", "shop").Issues[1] = new FakeIssue { Number = 1 };
        using var http = new HttpClient(fake) { BaseAddress = FakeGitHub.DefaultBaseUrl };
        fake.Fail(HttpMethod.Get, "^/repos/acme/shop/issues/1$", HttpStatusCode.TooManyRequests, ("Retry-After", "7"));

        using var first = await http.GetAsync(new Uri("repos/acme/shop/issues/1", UriKind.Relative));
        using var second = await http.GetAsync(new Uri("repos/acme/shop/issues/1", UriKind.Relative));
        fake.ClearFaults();
        using var third = await http.GetAsync(new Uri("repos/acme/shop/issues/1", UriKind.Relative));

        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK), (first.StatusCode, second.StatusCode, third.StatusCode));
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task Queue_AnswersTheNextMatchingRequestOnce()
    {
        var fake = new FakeGitHub();
        fake.Repository("acme", "shop").Issues[1] = new FakeIssue { Number = 1 };
        using var http = new HttpClient(fake) { BaseAddress = FakeGitHub.DefaultBaseUrl };
        fake.Queue(HttpMethod.Get, "issues/1$", () => new HttpResponseMessage(HttpStatusCode.BadGateway));

        using var first = await http.GetAsync(new Uri("repos/acme/shop/issues/1", UriKind.Relative));
        using var second = await http.GetAsync(new Uri("repos/acme/shop/issues/1", UriKind.Relative));

        Assert.Equal((HttpStatusCode.BadGateway, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
    }

    [Fact]
    public async Task Observer_SeesEveryAnsweredExchangeWithItsRoute()
    {
        var fake = new FakeGitHub();
        fake.Repository("acme", "shop");
        var seen = new List<FakeExchange>();
        fake.Observer = seen.Add;
        using var http = new HttpClient(fake) { BaseAddress = FakeGitHub.DefaultBaseUrl };

        using var response = await http.GetAsync(new Uri("repos/acme/shop/issues/9?x=1", UriKind.Relative));

        var exchange = Assert.Single(seen);
        Assert.Equal(("GET", "/repos/{owner}/{repo}/issues/{issue_number}", HttpStatusCode.NotFound), (exchange.Route.Method.Method, exchange.Route.Template.Text, exchange.Status));
        Assert.Equal("1", exchange.Query["x"]);
        Assert.Contains("\"Not Found\"", exchange.ResponseBody, StringComparison.Ordinal);
        Assert.False(exchange.Injected);
    }
}
