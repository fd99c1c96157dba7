using System.Globalization;
using System.Net;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.GitHub;
using AnatomyBot.GitHub.Anatomy;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.Testing.Conformance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace AnatomyBot.GitHub.Tests.Anatomy;

/// <summary>An anatomy read from a GitHub (Enterprise Server) repository through the contents API on behalf of another
/// channel, over the GitHub channel's HTTP pipeline, against the GitHub fake: exact requests, ETag revalidation, both
/// answer forms, rate limits, retries and refusals.</summary>
public sealed class GitHubAnatomyFileSourceTests : IDisposable
{
    private const string ContentsPath = "/api/v3/repos/contoso/architecture/contents/docs/anatomy.yml";
    private const string Token = "ghp-test-token";
    private const string Key = "test";
    private const string Text = "version: 1\noutcomes: []\n";
    private static readonly Uri Server = new("https://ghe.contoso.test/api/v3/");
    private readonly FakeGitHub _api = new(Server);
    private readonly ExchangeValidator? _conformance;
    private readonly FakeGitHubRepository _repo;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly List<ServiceProvider> _providers = [];

    public GitHubAnatomyFileSourceTests()
    {
        _repo = _api.Repository("contoso", "architecture");
        _conformance = ExchangeValidator.ForGitHub()?.Attach(_api);
    }

    public void Dispose()
    {
        _providers.ForEach(p => p.Dispose());
        _api.AssertAllServed();
        _conformance?.AssertConforms();
        _api.Dispose();
    }

    private IAnatomyFileSource Source(string? token = Token, string? branch = "main", TimeSpan? maxInlineWait = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddGitHubAnatomyFileSource(Key, _ => new GitHubAnatomyFile(Server, "contoso", "architecture", "/docs/anatomy.yml", branch, token)
        {
            SettingsName = "AzureDevOps:Anatomy:GitHub",
            MaxInlineWait = maxInlineWait,
        });
        services.AddHttpClient(GitHubClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _api);

        // The channel's retries without their back-off, so a test never waits on the clock.
        services.Configure<HttpStandardResilienceOptions>(GitHubClientFactory.HttpClientName + "-standard", o => o.Retry.Delay = TimeSpan.Zero);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return provider.GetRequiredKeyedService<IAnatomyFileSource>(Key);
    }

    private void Fails(HttpStatusCode status, params (string Name, string Value)[] headers) =>
        _api.Fail(HttpMethod.Get, "^" + ContentsPath + "$", status, headers);

    [Fact]
    public async Task ReadAsync_FirstRead_AsksForTheRawFileAtTheBranchWithTokenApiVersionAndUserAgent()
    {
        _repo.Files["docs/anatomy.yml"] = Text;

        var text = await Source().ReadAsync(CancellationToken.None);

        Assert.Equal(Text, text);
        var request = Assert.Single(_api.Requests);
        Assert.Equal($"GET {ContentsPath}?ref=main", request.ToString());
        Assert.Equal("application/vnd.github.raw+json", request.Headers["Accept"]);
        Assert.Equal("Bearer " + Token, request.Authorization);
        Assert.Equal("2022-11-28", request.Headers["X-GitHub-Api-Version"]);
        Assert.StartsWith("AnatomyBot", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("If-None-Match"));
    }

    [Fact]
    public async Task ReadAsync_SecondRead_RevalidatesWithIfNoneMatchAndA304GivesTheSameText()
    {
        _repo.Files["docs/anatomy.yml"] = Text;
        var source = Source();

        var first = await source.ReadAsync(CancellationToken.None);
        var second = await source.ReadAsync(CancellationToken.None);

        Assert.Equal(Text, first);
        Assert.Equal(Text, second);
        Assert.Equal(2, _api.Requests.Count);
        Assert.Equal(1, _api.NotModified);
        Assert.Equal($"\"{FakeGitHubJson.Sha(Text)}\"", _api.Requests[^1].Headers["If-None-Match"]);
    }

    [Fact]
    public async Task ReadAsync_JsonContentsAnswer_IsBase64Decoded()
    {
        _api.ServesRawMediaType = false;
        _repo.Files["docs/anatomy.yml"] = Text;

        var text = await Source().ReadAsync(CancellationToken.None);

        Assert.Equal(Text, text);
    }

    [Fact]
    public async Task ReadAsync_JsonAnswerForADirectory_IsUnavailable()
    {
        _repo.Files["docs/anatomy.yml/x"] = Text;

        var exception = await Assert.ThrowsAsync<AnatomyUnavailableException>(() => Source().ReadAsync(CancellationToken.None));

        Assert.Contains("not a file with base64 content", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoTokenAndNoBranch_ReadsThePublicRepositoryAtItsDefaultBranch()
    {
        _repo.Files["docs/anatomy.yml"] = Text;

        await Source(token: null, branch: null).ReadAsync(CancellationToken.None);

        var request = Assert.Single(_api.Requests);
        Assert.Null(request.Authorization);
        Assert.Equal($"GET {ContentsPath}", request.ToString());
    }

    [Fact]
    public async Task ReadAsync_NotFound_IsNullAndTheDescriptionNamesTheRepositoryAndPath()
    {
        var source = Source();

        var text = await source.ReadAsync(CancellationToken.None);

        Assert.Null(text);
        Assert.Equal("GitHub contoso/architecture:/docs/anatomy.yml@main", source.Description);
    }

    [Fact]
    public async Task ReadAsync_Unauthorized_FailsAsConfigurationNamingTheSettingWithoutTheToken()
    {
        Fails(HttpStatusCode.Unauthorized);

        var exception = await Assert.ThrowsAsync<AnatomyUnavailableException>(() => Source().ReadAsync(CancellationToken.None));

        Assert.Contains("401", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AzureDevOps:Anatomy:GitHub:Token", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_RateLimitExhausted_FailsTransientlyUntilJustAfterTheReset_CountedAsOneRead()
    {
        var reset = _time.GetUtcNow().AddSeconds(120).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Fails(HttpStatusCode.Forbidden, ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset));
        var source = Source();

        using var calls = ApiCallTally.Begin();
        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => source.ReadAsync(CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(121), exception.RetryAfter);
        Assert.Single(_api.Requests);
        Assert.Equal((1, 0), (calls.Tally.Calls, calls.Tally.Writes));
    }

    [Fact]
    public async Task ReadAsync_RetryAfterLongerThanTheCallersInlineLimit_FailsTransientlyWithThatRetryAfter()
    {
        Fails(HttpStatusCode.TooManyRequests, ("Retry-After", "3"));

        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => Source(maxInlineWait: TimeSpan.FromSeconds(2)).ReadAsync(CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(3), exception.RetryAfter);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task ReadAsync_ServerErrors_AreRetriedByTheChannelsPipelineThenFailTransiently()
    {
        Fails(HttpStatusCode.ServiceUnavailable);

        using var calls = ApiCallTally.Begin();
        var exception = await Assert.ThrowsAsync<TransientDeliveryException>(() => Source().ReadAsync(CancellationToken.None));

        Assert.Contains("503", exception.Message, StringComparison.Ordinal);
        Assert.Equal(4, _api.Requests.Count);
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
