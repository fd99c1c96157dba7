using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Links;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Core.Tests.Links;

public sealed class ItemLinksTests
{
    [Fact]
    public void Of_GitHubPullRequest_LinksEveryReferencedItemOnItsPlatform()
    {
        var pr = new WorkItem
        {
            Id = "contoso/web#7",
            Source = ItemSource.GitHub,
            Kind = ItemKind.PullRequest,
            Title = "Ledger export",
            Body = "Fixes #12, relates to Contoso/Api#3 and AB#42.\nSee https://dev.azure.com/fabrikam/Boards/_workitems/edit/43",
        };

        Assert.Equal(
            [
                new ItemLink(ItemSource.GitHub, "contoso/api#3", LinkKind.Reference),
                new ItemLink(ItemSource.GitHub, "contoso/web#12", LinkKind.Reference),
                new ItemLink(ItemSource.AzureDevOps, "42", LinkKind.Reference),
                new ItemLink(ItemSource.AzureDevOps, "43", LinkKind.Reference),
            ],
            ItemLinks.Of(pr).OrderBy(l => l.Source == ItemSource.AzureDevOps).ThenBy(l => l.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void Of_Children_LinkToTheirParent()
    {
        var subIssue = new WorkItem { Id = "contoso/web#12", Source = ItemSource.GitHub, Kind = ItemKind.Story, Title = "Export", ParentId = "contoso/web#3" };
        var bodyParent = new WorkItem { Id = "contoso/web#13", Source = ItemSource.GitHub, Kind = ItemKind.Story, Title = "Import", Body = "Parent: #3" };
        var boards = new WorkItem { Id = "4711", Source = ItemSource.AzureDevOps, Kind = ItemKind.Story, Title = "Audit", ParentId = "42" };

        Assert.Equal([new ItemLink(ItemSource.GitHub, "contoso/web#3", LinkKind.Parent)], ItemLinks.Of(subIssue));
        Assert.Equal([new ItemLink(ItemSource.GitHub, "contoso/web#3", LinkKind.Parent)], ItemLinks.Of(bodyParent));
        Assert.Equal([new ItemLink(ItemSource.AzureDevOps, "42", LinkKind.Parent)], ItemLinks.Of(boards));
    }

    [Fact]
    public void Of_ClosedItem_LinksNothing()
    {
        var merged = new WorkItem { Id = "contoso/web#7", Source = ItemSource.GitHub, Kind = ItemKind.PullRequest, Title = "x", Body = "AB#42", IsOpen = false };

        Assert.Empty(ItemLinks.Of(merged));
    }

    [Fact]
    public void Of_AzureDevOpsPullRequest_LinksItsWorkItemsButNotItself()
    {
        var pr = new WorkItem
        {
            Id = "Fabrikam/Web!12",
            Source = ItemSource.AzureDevOps,
            Kind = ItemKind.PullRequest,
            Title = "Ledger export",
            LinkedItemIds = ["42", "42", "Fabrikam/Web!12"],
        };

        Assert.Equal([new ItemLink(ItemSource.AzureDevOps, "42", LinkKind.Reference)], ItemLinks.Of(pr));
    }

    [Theory]
    [InlineData("contoso/web#12", ItemSource.GitHub)]
    [InlineData("42", ItemSource.AzureDevOps)]
    [InlineData("Fabrikam/Web!12", null)]
    [InlineData("#12", null)]
    [InlineData("contoso/web#0", null)]
    [InlineData("0", null)]
    [InlineData("", null)]
    public void TargetOf_Id_NamesThePlatformOrNone(string id, ItemSource? expected) =>
        Assert.Equal(expected, ItemLinks.TargetOf(id));
}
