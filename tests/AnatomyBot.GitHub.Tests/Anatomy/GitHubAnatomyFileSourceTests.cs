using System.Globalization;
using System.Text;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Anatomy;
using AnatomyBot.GitHub.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AnatomyBot.GitHub.Tests.Anatomy;

/// <summary>An anatomy read from a GitHub (Enterprise Server) repository through the contents API on behalf of another
/// channel, over the GitHub channel's HTTP pipeline, against WireMock on loopback: exact requests, ETag revalidation,
/// both answer forms, rate limits, retries and refusals.</summary>
public sealed class GitHubAnatomyFileSourceTests : IDisposable
{
    private const string ContentsPath = "/api/v3/repos/contoso/architecture/contents/docs/anatomy.yml";
    private const string Token = "ghp-test-token";
    private const string Key = "test";
    private const string Text = "version: 1\noutcomes: []\n";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _providers.ForEach(p => p.Dispose());
    }

    private IAnatomyFileSource Source(string? token = Token, string? branch = "main", TimeSpan? maxInlineWait = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddGitHubAnatomyFileSource(Key, _ => new GitHubAnatomyFile(new Uri(_server.Url + "/api/v3/"), "contoso", "architecture", "/docs/anatomy.yml", branch, token)
        {
            SettingsName = "AzureDevOps:Anatomy:GitHub",
            MaxInlineWait = maxInlineWait,
        });

        // The channel's retries without their back-off, so a test never waits on the clock.
        services.Configure<HttpStandardResilienceOptions>(GitHubClientFactory.HttpClientName + "-standard", o => o.Retry.Delay = TimeSpan.Zero);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return provider.GetRequiredKeyedService<IAnatomyFileSource>(Key);
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
    public async Task ReadAsync_FirstRead_AsksForTheRawFileAtTheBranchWithTokenApiVersionAndUserAgent()
    {
        Serves(200, Text, headers: ("ETag", "\"v1\""));

        var text = await Source().ReadAsync(CancellationToken.None);

        Assert.Equal(Text, text);
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
    public async Task ReadAsync_SecondRead_RevalidatesWithIfNoneMatchAndA304GivesTheSameText()
    {
        Serves(200, Text, headers: ("ETag", "W/\"v1\""));
        _server.Given(Request.Create().WithPath(ContentsPath).UsingGet().WithHeader("If-None-Match", "W/\"v1\"")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(304).WithHeader("ETag", "W/\"v1\""));
        var source = Source();

        var first = await source.ReadAsync(CancellationToken.None);
        var second = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(Text, first);
        Assert.Equal(Text, second);
        Assert.Equal(2, _server.LogEntries.Count);
        Assert.Equal(304, _server.LogEntries[^1].ResponseMessage.StatusCode);
        Assert.Equal("W/\"v1\"", _server.LogEntries[^1].RequestMessage.Headers!["If-None-Match"].Single());
    }

    [Fact]
    public async Task ReadAsync_JsonContentsAnswer_IsBase64Decoded()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Text));
        var wrapped = string.Join("\\n", base64.Chunk(8).Select(c => new string(c)));
        Serves(200, $$"""{ "type": "file", "encoding": "base64", "path": "docs/anatomy.yml", "content": "{{wrapped}}" }""", "application/json; charset=utf-8");

        var text = await Source().ReadAsync(CancellationToken.None);

        Assert.Equal(Text, text);
    }

    [Fact]
    public async Task ReadAsync_JsonAnswerForADirectory_IsUnavailable()
    {
        Serves(200, """[{ "type": "file", "path": "docs/anatomy.yml/x" }]""", "application/json");

        var exception = await Assert.ThrowsAsync<AnatomyUnavailableException>(() => Source().ReadAsync(CancellationToken.None));

        Assert.Contains("not a file with base64 content", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoTokenAndNoBranch_ReadsThePublicRepositoryAtItsDefaultBranch()
    {
        Serves(200, Text);

        await Source(token: null, branch: null).ReadAsync(CancellationToken.None);

        var request = Assert.Single(_server.LogEntries).RequestMessage;
        Assert.False(request.Headers!.ContainsKey("Authorization"));
        Assert.Equal(ContentsPath, request.AbsolutePath);
        Assert.True(string.IsNullOrEmpty(request.RawQuery));
    }

    [Fact]
    public async Task ReadAsync_NotFound_IsNullAndTheDescriptionNamesTheRepositoryAndPath()
    {
        Serves(404, """{ "message": "Not Found" }""", "application/json");
        var source = Source();

        var text = await source.ReadAsync(CancellationToken.None);

        Assert.Null(text);
        Assert.Equal("GitHub contoso/architecture:/docs/anatomy.yml@main", source.Description);
    }

    [Fact]
    public async Task ReadAsync_Unauthorized_FailsAsConfigurationNamingTheSettingWithoutTheToken()
    {
        Serves(401, """{ "message": "Bad credentials" }""", "application/json");

        var exception = await Assert.ThrowsAsync<AnatomyUnavailableException>(() => Source().ReadAsync(CancellationToken.None));

        Assert.Contains("401", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AzureDevOps:Anatomy:GitHub:Token", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RateLimitExhausted_FailsTransientlyUntilJustAfterTheReset_CountedAsOneRead()
    {
        var reset = _time.GetUtcNow().AddSeconds(120).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Serves(403, """{ "message": "API rate limit exceeded" }""", "application/json", ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset));
        var source = Source();

        using var calls = ApiCallTally.Begin();
        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(121), exception.RetryAfter);
        Assert.Single(_server.LogEntries);
        Assert.Equal((1, 0), (calls.Tally.Calls, calls.Tally.Writes));
    }

    [Fact]
    public async Task ReadAsync_RetryAfterLongerThanTheCallersInlineLimit_FailsTransientlyWithThatRetryAfter()
    {
        Serves(429, "", "text/plain", ("Retry-After", "3"));

        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => Source(maxInlineWait: TimeSpan.FromSeconds(2)).ReadAsync(CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(3), exception.RetryAfter);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task ReadAsync_ServerErrors_AreRetriedByTheChannelsPipelineThenFailTransiently()
    {
        Serves(503, "", "text/plain");

        using var calls = ApiCallTally.Begin();
        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => Source().ReadAsync(CancellationToken.None));

        Assert.Contains("503", exception.Message, StringComparison.Ordinal);
        Assert.Equal(4, _server.LogEntries.Count);
        Assert.Equal(4, calls.Tally.Calls);
    }

    [Fact]
    public void Uri_DefaultsToTheGivenRoot_AndEscapesEverySegment()
    {
        var file = new GitHubAnatomyFile(new Uri("https://api.github.com"), "contoso", "arch itecture", "/docs/my anatomy.yml", "feature/x", "secret");

        Assert.Equal("https://api.github.com/repos/contoso/arch%20itecture/contents/docs/my%20anatomy.yml?ref=feature%2Fx", file.Uri.AbsoluteUri);
        Assert.DoesNotContain("secret", file.ToString(), StringComparison.Ordinal);
    }
}
