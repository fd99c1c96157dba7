using AnatomyBot.Core.Linkage;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Handling;

public sealed class WorkItemReaderTests : IDisposable
{
    private readonly TestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ReadWithAncestors_AbPrefixedIds_ReturnsItemsAndTheirParentChain_MissingOmitted()
    {
        _host.Fake.Add(new FakeWorkItem { Id = 1, Type = "Epic", Title = "E" });
        _host.Fake.Add(new FakeWorkItem { Id = 2, Type = "Feature", Title = "F", Parent = 1 });
        _host.Fake.Add(new FakeWorkItem { Id = 3, Title = "S", Parent = 2 });
        var reader = _host.Get<IEnumerable<IWorkItemReader>>().Single(r => r.Source == ItemSource.AzureDevOps);

        var items = await reader.ReadWithAncestorsAsync(["AB#3", "999", "not-a-number"], CancellationToken.None);

        Assert.Equal(["1", "2", "3"], items.Select(i => i.Id));
        Assert.Equal("2", items[2].ParentId);
        Assert.All(items, i => Assert.Equal(ItemSource.AzureDevOps, i.Source));
        Assert.Equal(3, _host.Fake.Requests.Count);
    }
}
