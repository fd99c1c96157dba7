using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.Core.Anatomy;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AnatomyBot.AzureDevOps.Tests.Handling;

/// <summary>The production provider over an Azure Repos file (the fake's files) and over a local file, as
/// <c>AddAnatomyBotAzureDevOps</c> composes it.</summary>
public sealed class AnatomyProviderTests : IDisposable
{
    private const string ItemRequest = "/contoso/Fabrikam/_apis/git/repositories/Architecture/items?path=%2Fanatomy.yml&includeContent=true&api-version=7.1";
    private readonly TestHost _host = new(realAnatomy: true);
    private readonly string _folder = Directory.CreateTempSubdirectory("anatomybot-ado-").FullName;

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private IAnatomyProvider Provider => _host.Get<IAnatomyProvider>();

    [Fact]
    public async Task ReadsTheRepositoryFile_CachesIt_ParsesAgainOnlyWhenTheTextChanged()
    {
        _host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml();

        var first = await Provider.GetAsync(null, CancellationToken.None);
        var second = await Provider.GetAsync(null, CancellationToken.None);
        Provider.Invalidate();
        var third = await Provider.GetAsync(null, CancellationToken.None);

        Assert.Same(first.Anatomy, second.Anatomy);
        Assert.Same(first.Anatomy, third.Anatomy);
        Assert.Equal(["S-VERIFY"], first.Anatomy.ValueStreams.Single().Stages.Select(s => s.Id));
        Assert.Equal(FakeHash(TestAnatomy.Yaml()), first.Version);
        Assert.Equal([ItemRequest, ItemRequest], _host.Fake.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task AfterCacheSeconds_TheFileIsReadAgain()
    {
        _host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml();
        await Provider.GetAsync(null, CancellationToken.None);
        _host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml(withScanStage: true);

        var cached = await Provider.GetAsync(null, CancellationToken.None);
        _host.Time.Advance(TimeSpan.FromSeconds(300));
        var fresh = await Provider.GetAsync(null, CancellationToken.None);

        Assert.Single(cached.Anatomy.ValueStreams.Single().Stages);
        Assert.Equal(2, fresh.Anatomy.ValueStreams.Single().Stages.Count);
        Assert.Equal(2, _host.Fake.Requests.Count);
    }

    [Fact]
    public async Task RequiredVersion_NewerThanTheFreshCache_ReadsAgainOnce_ThenServesIt()
    {
        _host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml();
        var old = await Provider.GetAsync(null, CancellationToken.None);
        _host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml(withScanStage: true);
        var wanted = FakeHash(TestAnatomy.Yaml(withScanStage: true));

        var loaded = await Provider.GetAsync(wanted, CancellationToken.None);
        var again = await Provider.GetAsync(wanted, CancellationToken.None);

        Assert.NotEqual(old.Version, loaded.Version);
        Assert.Equal(wanted, loaded.Version);
        Assert.Equal(wanted, Provider.CachedVersion);
        Assert.Same(loaded, again);
        Assert.Equal(2, _host.Fake.Requests.Count);
    }

    [Fact]
    public async Task RequiredVersion_MatchingAnExpiredCopy_IsServedWithoutARead()
    {
        _host.Anatomy.Files["/anatomy.yml"] = TestAnatomy.Yaml();
        var loaded = await Provider.GetAsync(null, CancellationToken.None);
        _host.Time.Advance(TimeSpan.FromHours(1));

        Assert.Same(loaded, await Provider.GetAsync(loaded.Version, CancellationToken.None));
        Assert.Single(_host.Fake.Requests);
    }

    [Fact]
    public async Task InvalidAnatomy_FailsWithTheParserErrorsAndTheSource()
    {
        _host.Anatomy.Files["/anatomy.yml"] = "version: 1\noutcomes: [ { id: 1 ";

        var exception = await Assert.ThrowsAsync<AnatomyUnavailableException>(() => Provider.GetAsync(null, CancellationToken.None));

        Assert.Contains("invalid", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Azure Repos Fabrikam/Architecture:/anatomy.yml", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_FailsClearly()
    {
        var exception = await Assert.ThrowsAsync<AnatomyUnavailableException>(() => Provider.GetAsync(null, CancellationToken.None));

        Assert.Contains("not found", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalPath_ReadsTheFileWithoutAnyApiCall()
    {
        var path = Path.Combine(_folder, "anatomy.yml");
        await File.WriteAllTextAsync(path, TestAnatomy.Yaml(withScanStage: true));
        using var host = new TestHost(new() { ["AzureDevOps:Anatomy:Repository"] = null, ["AzureDevOps:Anatomy:LocalPath"] = path }, realAnatomy: true);

        var loaded = await host.Get<IAnatomyProvider>().GetAsync(null, CancellationToken.None);

        Assert.Equal(2, loaded.Anatomy.ValueStreams.Single().Stages.Count);
        Assert.Empty(host.Fake.Requests);
    }

    [Fact]
    public async Task LocalPath_Missing_FailsNamingThePath()
    {
        var path = Path.Combine(_folder, "nowhere.yml");
        using var host = new TestHost(new() { ["AzureDevOps:Anatomy:Repository"] = null, ["AzureDevOps:Anatomy:LocalPath"] = path }, realAnatomy: true);

        var exception = await Assert.ThrowsAsync<AnatomyUnavailableException>(() => host.Get<IAnatomyProvider>().GetAsync(null, CancellationToken.None));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitHubSource_ReadsThroughTheReaderTheHostRegistered()
    {
        var gitHub = new Mock<IAnatomyFileSource>(MockBehavior.Strict);
        gitHub.Setup(s => s.ReadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(TestAnatomy.Yaml(withScanStage: true));
        using var host = new TestHost(
            new() { ["AzureDevOps:Anatomy:Repository"] = null, ["AzureDevOps:Anatomy:GitHub:Repository"] = "contoso/architecture" },
            services => services.AddKeyedSingleton(AnatomySourceKind.GitHub, gitHub.Object),
            realAnatomy: true);

        var loaded = await host.Get<IAnatomyProvider>().GetAsync(null, CancellationToken.None);

        Assert.Equal(2, loaded.Anatomy.ValueStreams.Single().Stages.Count);
        Assert.Empty(host.Fake.Requests);
    }

    [Fact]
    public void GitHubSource_WithoutTheHostsReader_FailsNamingTheRegistration()
    {
        using var host = new TestHost(new() { ["AzureDevOps:Anatomy:Repository"] = null, ["AzureDevOps:Anatomy:GitHub:Repository"] = "contoso/architecture" }, realAnatomy: true);

        var exception = Assert.Throws<InvalidOperationException>(() => host.Get<IAnatomyProvider>());

        Assert.Contains("AddGitHubAnatomyFileSource", exception.Message, StringComparison.Ordinal);
    }

    private static string FakeHash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
