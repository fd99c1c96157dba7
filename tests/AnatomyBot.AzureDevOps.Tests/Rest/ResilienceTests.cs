using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.AzureDevOps;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.AzureDevOps.Tests.Rest;

/// <summary>The client's retry rules through the production HTTP pipeline (Microsoft.Extensions.Http.Resilience) against
/// the fake, on a <see cref="SteppingTimeProvider"/>: only idempotent operations are retried after a 5xx or a network
/// failure, a 429 always; <c>Retry-After</c> and exhausted rate limits hold back every request; back-off 1 s, 2 s, 4 s…
/// up to the inline limit; <c>MaxRetries</c> retries at most.</summary>
public sealed class ResilienceTests : IDisposable
{
    private static readonly PullRequestRef Pr = new("Fabrikam", "Web", 5);
    private readonly SteppingTimeProvider _clock = new();
    private readonly TestHost _host;

    public ResilienceTests() => _host = Host();

    private FakeAzureDevOps Fake => _host.Fake;

    private AzureDevOpsClient Client => _host.Get<AzureDevOpsClient>();

    public void Dispose() => _host.Dispose();

    private TestHost Host(Dictionary<string, string?>? settings = null)
    {
        var host = new TestHost(settings, services => services.AddSingleton<TimeProvider>(_clock));
        host.Fake.Add(new FakeWorkItem { Id = 1 });
        host.Fake.Add(new FakePullRequest { Number = 5 });
        return host;
    }

    private static HttpResponseMessage Throttled(int seconds)
    {
        var response = FakeAzureDevOps.Status(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }

    private static HttpResponseMessage Ok(Action<HttpResponseHeaders> headers)
    {
        var ok = FakeAzureDevOps.Json(JsonNode.Parse("""{ "id": 1, "rev": 1, "fields": {} }"""));
        headers(ok.Headers);
        return ok;
    }

    [Fact]
    public async Task GetWorkItem_TooManyRequestsWithShortRetryAfter_WaitsExactlyThatLongAndRetries()
    {
        Fake.Queue(HttpMethod.Get, "workitems/1$", () => Throttled(3));

        var item = await Client.GetWorkItemAsync(1, CancellationToken.None);

        Assert.Equal(1, item?.Id);
        Assert.Equal(2, Fake.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(3)], _clock.Waits);
    }

    [Fact]
    public async Task GetWorkItem_TooManyRequestsWithLongRetryAfter_FailsTransientlyWithoutAskingAgain()
    {
        Fake.Queue(HttpMethod.Get, "workitems/1$", () => Throttled(120));

        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => Client.GetWorkItemAsync(1, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.Single(Fake.Requests);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task GetWorkItem_TooManyRequestsWithoutRetryAfter_HoldsEveryRequestBackForTheBackOff()
    {
        Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.TooManyRequests));

        await Client.GetWorkItemAsync(1, CancellationToken.None);

        Assert.Equal(2, Fake.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], _clock.Waits);
    }

    [Fact]
    public async Task CreateThread_TooManyRequests_IsRetriedBecauseNothingWasCreated()
    {
        Fake.Queue(HttpMethod.Post, "threads$", () => Throttled(2));

        await Client.CreateThreadAsync(Pr, "x", "active", CancellationToken.None);

        Assert.Equal(2, Fake.Requests.Count(r => r.Method == HttpMethod.Post));
        Assert.Equal([TimeSpan.FromSeconds(2)], _clock.Waits);
    }

    [Fact]
    public async Task NextRequest_AfterRetryAfterOnASuccess_IsHeldBack()
    {
        Fake.Queue(HttpMethod.Get, "workitems/1$", () => Ok(h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2))));

        await Client.GetWorkItemAsync(1, CancellationToken.None);
        await Client.GetWorkItemAsync(1, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(2)], _clock.Waits);
    }

    [Fact]
    public async Task NextRequest_AfterRateLimitRemainingZero_WaitsUntilTheReset()
    {
        var reset = _clock.GetUtcNow().AddSeconds(5).ToUnixTimeSeconds();
        Fake.Queue(HttpMethod.Get, "workitems/1$", () => Ok(h =>
        {
            h.Add("X-RateLimit-Remaining", "0");
            h.Add("X-RateLimit-Reset", reset.ToString(CultureInfo.InvariantCulture));
        }));

        await Client.GetWorkItemAsync(1, CancellationToken.None);
        await Client.GetWorkItemAsync(1, CancellationToken.None);

        Assert.Equal([TimeSpan.FromSeconds(5)], _clock.Waits);
    }

    [Fact]
    public async Task GetWorkItem_ServerErrors_BackOffExponentiallyThenSucceed()
    {
        Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.BadGateway));
        Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.ServiceUnavailable));

        Assert.NotNull(await Client.GetWorkItemAsync(1, CancellationToken.None));

        Assert.Equal(3, Fake.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _clock.Waits);
    }

    [Fact]
    public async Task GetWorkItem_ServerErrorsBeyondMaxRetries_FailTransientlyAfterOnePlusMaxRetriesAttempts()
    {
        for (var i = 0; i < 4; i++)
        {
            Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.InternalServerError));
        }

        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => Client.GetWorkItemAsync(1, CancellationToken.None));

        Assert.Equal(4, Fake.Requests.Count);
        Assert.Contains("answered 500 after 4 attempt(s)", exception.Message, StringComparison.Ordinal);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _clock.Waits);
    }

    [Fact]
    public async Task GetWorkItem_BackOffLongerThanTheInlineLimit_FailsTransientlyWithTheBackOffAsRetryAfter()
    {
        using var host = Host(new() { ["AzureDevOps:MaxInlineWaitSeconds"] = "1" });
        host.Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.BadGateway));
        host.Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.BadGateway));

        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => host.Get<AzureDevOpsClient>().GetWorkItemAsync(1, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(2), exception.RetryAfter);
        Assert.Equal(2, host.Fake.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], _clock.Waits);
    }

    [Fact]
    public async Task GetWorkItem_NoRetriesConfigured_FailsTransientlyAtTheFirstServerError()
    {
        using var host = Host(new() { ["AzureDevOps:MaxRetries"] = "0" });
        host.Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.ServiceUnavailable));

        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => host.Get<AzureDevOpsClient>().GetWorkItemAsync(1, CancellationToken.None));

        Assert.Contains("after 1 attempt(s)", exception.Message, StringComparison.Ordinal);
        Assert.Single(host.Fake.Requests);
    }

    [Fact]
    public async Task CreateThread_ServerError_IsNotRetried_SoNoDuplicateThread()
    {
        Fake.Queue(HttpMethod.Post, "threads$", () => FakeAzureDevOps.Status(HttpStatusCode.BadGateway));

        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => Client.CreateThreadAsync(Pr, "x", "active", CancellationToken.None));

        Assert.Contains("answered 502 after 1 attempt(s)", exception.Message, StringComparison.Ordinal);
        Assert.Single(Fake.Requests);
    }

    [Fact]
    public async Task GetWorkItem_NetworkFailure_IsRetriedAfterABackOff()
    {
        Fake.Queue(HttpMethod.Get, "workitems/1$", () => throw new HttpRequestException("connection reset"));

        Assert.NotNull(await Client.GetWorkItemAsync(1, CancellationToken.None));

        Assert.Equal(2, Fake.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], _clock.Waits);
    }

    [Fact]
    public async Task CreateThread_NetworkFailure_IsNotRetriedAndFailsTransiently()
    {
        Fake.Queue(HttpMethod.Post, "threads$", () => throw new HttpRequestException("connection reset"));

        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => Client.CreateThreadAsync(Pr, "x", "active", CancellationToken.None));

        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Single(Fake.Requests);
        Assert.Empty(_clock.Waits);
    }

    [Fact]
    public async Task Calls_AreCountedPerDeliveryTally_RetriesIncluded_WritesSeparately()
    {
        Fake.Queue(HttpMethod.Get, "workitems/1$", () => FakeAzureDevOps.Status(HttpStatusCode.ServiceUnavailable));

        using var scope = ApiCallTally.Begin();
        await Client.GetWorkItemAsync(1, CancellationToken.None);
        await Client.GetWorkItemsAsync([1], CancellationToken.None);
        await Client.UpdateTagsAsync(1, 1, "a", CancellationToken.None);

        Assert.Equal(4, scope.Tally.Calls);
        Assert.Equal(1, scope.Tally.Writes);
    }
}
