using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Anatomy;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Tests.Handling;

public sealed class AnatomyProviderTests : IDisposable
{
    private readonly TestHost _host = new();

    public void Dispose() => _host.Dispose();

    private AzureDevOpsAnatomyProvider Provider() => new(
        _host.Get<AzureDevOpsClient>(), _host.Get<IOptions<AzureDevOpsOptions>>(), _host.Time, AnatomyParser.Parse);

    private static string SampleAnatomy()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var sample = Path.Combine(dir.FullName, "samples", "onboarding", "anatomy.yml");
            if (File.Exists(sample))
            {
                return File.ReadAllText(sample);
            }
        }

        throw new FileNotFoundException("samples/onboarding/anatomy.yml");
    }

    [Fact]
    public async Task ReadsTheRepositoryFile_CachesIt_AndRereadsAfterInvalidate()
    {
        _host.Fake.Files["/anatomy.yml"] = SampleAnatomy();
        using var provider = Provider();

        var first = await provider.GetAsync(CancellationToken.None);
        var second = await provider.GetAsync(CancellationToken.None);
        provider.Invalidate();
        var third = await provider.GetAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Same(first, third);
        Assert.NotEmpty(first.Outcomes);
        Assert.Equal(2, _host.Fake.Requests.Count);
        Assert.Equal("/contoso/Fabrikam/_apis/git/repositories/Architecture/items?path=%2Fanatomy.yml&includeContent=true&api-version=7.1", _host.Fake.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task InvalidAnatomy_FailsWithTheParserErrors()
    {
        _host.Fake.Files["/anatomy.yml"] = "version: 1\noutcomes: [ { id: 1 ";
        using var provider = Provider();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetAsync(CancellationToken.None));

        Assert.Contains("invalid", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_FailsClearly()
    {
        using var provider = Provider();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetAsync(CancellationToken.None));

        Assert.Contains("not found", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PushMatching_IsByRepositoryNameCaseInsensitive()
    {
        using var provider = Provider();

        Assert.True(provider.IsSourceRepository("p", "architecture"));
        Assert.False(provider.IsSourceRepository("p", "Web"));
    }
}
