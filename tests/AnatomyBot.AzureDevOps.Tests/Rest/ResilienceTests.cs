using System.Net;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Rest;

public sealed class ResilienceTests : IDisposable
{
    private readonly TestHost _host = new();

    public ResilienceTests() => _host.Fake.Add(new FakeWorkItem { Id = 1 });

    private AzureDevOpsClient Client => _host.Get<AzureDevOpsClient>();

    public void Dispose() => _host.Dispose();

    private static HttpResponseMessage Throttled(int seconds)
    {
        var response = FakeAzureDevOps.Status(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }

    private static HttpResponseMessage Ok(Action<System.Net.Http.Headers.HttpResponseHeaders> headers)
    {
        var ok = FakeAzureDevOps.Json(System.Text.Json.Nodes.JsonNode.Parse("""{ "id": 1, "rev": 1, "fields": {} }"""));
        headers(ok.Headers);
        return ok;
    }

    [Fact]
    public async Task TooManyRequests_WithShortRetryAfter_WaitsExactlyThatLongAndRetries()
    {
        _host.Fake.Queue(HttpMethod.Get, "workitems/1$", () => Throttled(3));

        var item = await Client.GetWorkItemAsync(1, CancellationToken.None);

        Assert.NotNull(item);
        Assert.Equal(2, _host.Fake.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(3)], _host.Time.Waits);
    }

    [Fact]
    public async Task TooManyRequests_WithLongRetryAfter_FailsTransientlyWithoutHammering()
    {
        _host.Fake.Queue(HttpMethod.Get, "workitems/1$", () => Throttled(120));

        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => Client.GetWorkItemAsync(1, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.Single(_host.Fake.Requests);
        Assert.Empty(_host.Time.Waits);
    }

    [Fact]
    public async Task RetryAfterOnASuccess_HoldsBackTheNextRequest()
    {
        _host.Fake.Queue(HttpMethod.Get, "workitems/1$", () => Ok(h => h.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2))));

        await Client.GetWorkItemAsync(1, CancellationToken.None);
        await Client.GetWorkItemAsync(1, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(2)], _host.Time.Waits);
    }

    [Fact]
    public async Task RateLimitRemainingZero_WaitsUntilReset()
    {
        var reset = _host.Time.GetUtcNow().AddSeconds(5).ToUnixTimeSeconds();
        _host.Fake.Queue(HttpMethod.Get, "workitems/1$", () => Ok(h =>
        {
            h.Add("X-RateLimit-Remaining", "0");
            h.Add("X-RateLimit-Reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }));

        await Client.GetWorkItemAsync(1, CancellationToken.None);
        await Client.GetWorkItemAsync(1, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(5)], _host.Time.Waits);
    }

    [Fact]
    public async Task ServerErrors_OnARead_BackOffExponentiallyThenSucceed()
    {
        _host.Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.BadGateway));
        _host.Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.ServiceUnavailable));

        Assert.NotNull(await Client.GetWorkItemAsync(1, CancellationToken.None));

        Assert.Equal(3, _host.Fake.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _host.Time.Waits);
    }

    [Fact]
    public async Task ServerErrors_BeyondTheBudget_FailTransiently()
    {
        for (var i = 0; i < 4; i++)
        {
            _host.Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.InternalServerError));
        }

        await Assert.ThrowsAsync<TransientDeliveryException>(() => Client.GetWorkItemAsync(1, CancellationToken.None));

        Assert.Equal(4, _host.Fake.Requests.Count);
    }

    [Fact]
    public async Task ServerError_OnThreadCreate_IsNotRetried_SoNoDuplicateThread()
    {
        _host.Fake.Add(new FakePullRequest { Number = 5 });
        _host.Fake.Queue(HttpMethod.Post, "threads$", () => FakeAzureDevOps.Status(HttpStatusCode.BadGateway));

        await Assert.ThrowsAsync<TransientDeliveryException>(() => Client.CreateThreadAsync(new PullRequestRef("Fabrikam", "Web", 5), "x", "active", CancellationToken.None));

        Assert.Single(_host.Fake.Requests);
    }

    [Fact]
    public async Task CallsAreCountedPerScope_RetriesIncluded_WritesSeparately()
    {
        _host.Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.ServiceUnavailable));

        using var scope = ApiCallTally.Begin();
        await Client.GetWorkItemAsync(1, CancellationToken.None);
        await Client.GetWorkItemsAsync([1], CancellationToken.None);
        await Client.UpdateTagsAsync(1, 1, "a", CancellationToken.None);

        Assert.Equal(4, scope.Tally.Calls);
        Assert.Equal(1, scope.Tally.Writes);
    }
}
