using System.Text;
using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Pipeline;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AnatomyBot.AzureDevOps.Tests.Anatomy;

/// <summary>The anatomy read from a GitHub (Enterprise Server) repository through the contents API, against WireMock on
/// loopback: exact requests, ETag revalidation, both answer forms, rate limits and refusals.</summary>
public sealed class GitHubAnatomySourceTests : IDisposable
{
    private const string ContentsPath = "/api/v3/repos/contoso/architecture/contents/docs/anatomy.yml";
    private const string Token = "ghp-test-token";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly List<TestHost> _hosts = [];

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _hosts.ForEach(h => h.Dispose());
    }

    private TestHost Host(string? token = Token, string? branch = "main")
    {
        var host = new TestHost(
            new()
            {
                ["AzureDevOps:Anatomy:Repository"] = null,
                ["AzureDevOps:Anatomy:GitHub:Repository"] = "contoso/architecture",
                ["AzureDevOps:Anatomy:GitHub:BaseUrl"] = _server.Url + "/api/v3/",
                ["AzureDevOps:Anatomy:GitHub:Token"] = token,
                ["AzureDevOps:Anatomy:Path"] = "/docs/anatomy.yml",
                ["AzureDevOps:Anatomy:Branch"] = branch,
            },
            realAnatomy: true);
        _hosts.Add(host);
        return host;
    }

    private void Serves(int status, string? body = null, string contentType = "application/vnd.github.raw", params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        _server.Given(Request.Create().WithPath(ContentsPath).UsingGet()).AtPriority(10).RespondWith(body is null ? response : response.WithBody(body));
    }

    [Fact]
    public async Task FirstRead_AsksForTheRawFileAtTheBranch_WithTokenApiVersionAndUserAgent()
    {
        Serves(200, TestAnatomy.Yaml(), headers: ("ETag", "\"v1\""));

        var loaded = await Host().Get<IAnatomyProvider>().GetAsync(null, CancellationToken.None);

        Assert.Equal("S-VERIFY", loaded.Anatomy.ValueStreams.Single().Stages.Single().Id);
        var request = Assert.Single(_server.LogEntries).RequestMessage;
        Assert.Equal(ContentsPath, request.AbsolutePath);
        Assert.Equal("?ref=main", request.RawQuery);
        Assert.Equal("application/vnd.github.raw+json", request.Headers!["Accept"].Single());
        Assert.Equal("Bearer " + Token, request.Headers["Authorization"].Single());
        Assert.Equal("2022-11-28", request.Headers["X-GitHub-Api-Version"].Single());
        Assert.StartsWith("AnatomyBot", request.Headers["User-Agent"].Single(), StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("If-None-Match"));
    }

    [Fact]
    public async Task Revalidation_SendsIfNoneMatch_And304KeepsTheParsedAnatomy()
    {
        Serves(200, TestAnatomy.Yaml(), headers: ("ETag", "W/\"v1\""));
        _server.Given(Request.Create().WithPath(ContentsPath).UsingGet().WithHeader("If-None-Match", "W/\"v1\"")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(304).WithHeader("ETag", "W/\"v1\""));
        var host = Host();
        var provider = host.Get<IAnatomyProvider>();

        var first = await provider.GetAsync(null, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromSeconds(301));
        var second = await provider.GetAsync(null, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(2, _server.LogEntries.Count);
        Assert.Equal(304, _server.LogEntries[^1].ResponseMessage.StatusCode);
        Assert.Equal("W/\"v1\"", _server.LogEntries[^1].RequestMessage.Headers!["If-None-Match"].Single());
    }

    [Fact]
    public async Task JsonContentsAnswer_IsBase64Decoded()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(TestAnatomy.Yaml(withScanStage: true)));
        var wrapped = string.Join("\\n", base64.Chunk(60).Select(c => new string(c)));
        Serves(200, $$"""{ "type": "file", "encoding": "base64", "path": "docs/anatomy.yml", "content": "{{wrapped}}" }""", "application/json; charset=utf-8");

        var loaded = await Host().Get<IAnatomyProvider>().GetAsync(null, CancellationToken.None);

        Assert.Equal(["S-VERIFY", "S-SCAN"], loaded.Anatomy.ValueStreams.Single().Stages.Select(s => s.Id));
    }

    [Fact]
    public async Task NoTokenAndNoBranch_PublicRepositoryAtItsDefaultBranch()
    {
        Serves(200, TestAnatomy.Yaml());

        await Host(token: null, branch: null).Get<IAnatomyProvider>().GetAsync(null, CancellationToken.None);

        var request = Assert.Single(_server.LogEntries).RequestMessage;
        Assert.False(request.Headers!.ContainsKey("Authorization"));
        Assert.Equal(ContentsPath, request.AbsolutePath);
        Assert.True(string.IsNullOrEmpty(request.RawQuery));
    }

    [Fact]
    public async Task NotFound_FailsNamingTheRepositoryAndPath()
    {
        Serves(404, """{ "message": "Not Found" }""", "application/json");

        var exception = await Assert.ThrowsAsync<AnatomyUnavailableException>(() => Host().Get<IAnatomyProvider>().GetAsync(null, CancellationToken.None));

        Assert.Contains("GitHub contoso/architecture:/docs/anatomy.yml@main", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthorized_FailsAsConfiguration_WithoutTheToken()
    {
        Serves(401, """{ "message": "Bad credentials" }""", "application/json");

        var exception = await Assert.ThrowsAsync<AnatomyUnavailableException>(() => Host().Get<IAnatomyProvider>().GetAsync(null, CancellationToken.None));

        Assert.Contains("401", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AzureDevOps:Anatomy:GitHub:Token", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimitExhausted_FailsTransientlyUntilReset_AndDoesNotAskAgainMeanwhile()
    {
        var host = Host();
        var reset = host.Time.GetUtcNow().AddSeconds(120).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Serves(403, """{ "message": "API rate limit exceeded" }""", "application/json", ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset));
        var provider = host.Get<IAnatomyProvider>();

        using var scope = ApiCallTally.Begin();
        var first = await Assert.ThrowsAsync<TransientDeliveryException>(() => provider.GetAsync(null, CancellationToken.None));
        var second = await Assert.ThrowsAsync<TransientDeliveryException>(() => provider.GetAsync(null, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(120), first.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(120), second.RetryAfter);
        Assert.Single(_server.LogEntries);
        Assert.Equal((1, 0), (scope.Tally.Calls, scope.Tally.Writes));
    }

    [Fact]
    public async Task TooManyRequestsWithShortRetryAfter_IsWaitedOutOnTheNextRead()
    {
        Serves(429, "", "text/plain", ("Retry-After", "3"));
        var host = Host();
        var provider = host.Get<IAnatomyProvider>();

        var throttled = await Assert.ThrowsAsync<TransientDeliveryException>(() => provider.GetAsync(null, CancellationToken.None));
        _server.ResetMappings();
        Serves(200, TestAnatomy.Yaml());
        await provider.GetAsync(null, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(3), throttled.RetryAfter);
        Assert.Equal([TimeSpan.FromSeconds(3)], host.Time.Waits);
        Assert.Equal(2, _server.LogEntries.Count);
    }

    [Fact]
    public void RequestUri_DefaultsToApiGitHubCom_AndEscapesEverySegment()
    {
        var request = new GitHubFileRequest(new Uri("https://api.github.com"), "contoso", "arch itecture", "/docs/my anatomy.yml", "feature/x", null, null);

        Assert.Equal("https://api.github.com/repos/contoso/arch%20itecture/contents/docs/my%20anatomy.yml?ref=feature%2Fx", request.Uri.AbsoluteUri);
    }
}
