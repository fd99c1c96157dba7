using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Links;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.Storage.Tests;

/// <summary>The links ledger: an item's links are replaced whole; the items linking to a target are listed, bounded,
/// across platforms; ids of GitHub targets match whatever their case.</summary>
public abstract partial class LedgerContractTests
{
    private static readonly LinkingItem GitHubPr = new(ItemSource.GitHub, "Contoso/Web#7", ItemKind.PullRequest);
    private static readonly LinkingItem SubIssue = new(ItemSource.GitHub, "contoso/web#12", ItemKind.Story);
    private static readonly LinkingItem BoardsStory = new(ItemSource.AzureDevOps, "4711", ItemKind.Story);

    /// <summary>A new links ledger over this test's storage.</summary>
    protected abstract ILinkLedger OpenLinks();

    [Fact]
    public async Task Links_Replaced_ListsTheLinkingItemsOfEachTargetAcrossPlatforms()
    {
        var links = OpenLinks();
        await links.ReplaceAsync(GitHubPr, [new(ItemSource.AzureDevOps, "42", LinkKind.Reference), new(ItemSource.GitHub, "contoso/web#12", LinkKind.Reference)], None);
        await links.ReplaceAsync(SubIssue, [new(ItemSource.GitHub, "contoso/web#3", LinkKind.Parent)], None);
        await links.ReplaceAsync(BoardsStory, [new(ItemSource.AzureDevOps, "42", LinkKind.Parent)], None);

        var reopened = OpenLinks();
        Assert.Equal([BoardsStory, GitHubPr], Sorted(await reopened.ListLinkingAsync(ItemSource.AzureDevOps, "42", 10, None)));
        Assert.Equal([GitHubPr], await reopened.ListLinkingAsync(ItemSource.GitHub, "CONTOSO/web#12", 10, None));
        Assert.Equal([SubIssue], await reopened.ListLinkingAsync(ItemSource.GitHub, "contoso/web#3", 10, None));
        Assert.Empty(await reopened.ListLinkingAsync(ItemSource.GitHub, "42", 10, None));
        Assert.Empty(await reopened.ListLinkingAsync(ItemSource.AzureDevOps, "4711", 10, None));
    }

    [Fact]
    public async Task Links_ReplacedAgain_KeepsOnlyTheNewLinks_AndAnEmptyListDropsThemAll()
    {
        var links = OpenLinks();
        await links.ReplaceAsync(GitHubPr, [new(ItemSource.AzureDevOps, "42", LinkKind.Reference), new(ItemSource.AzureDevOps, "43", LinkKind.Reference)], None);

        await OpenLinks().ReplaceAsync(GitHubPr, [new(ItemSource.AzureDevOps, "43", LinkKind.Reference), new(ItemSource.AzureDevOps, "44", LinkKind.Reference)], None);

        Assert.Empty(await links.ListLinkingAsync(ItemSource.AzureDevOps, "42", 10, None));
        Assert.Equal([GitHubPr], await links.ListLinkingAsync(ItemSource.AzureDevOps, "43", 10, None));
        Assert.Equal([GitHubPr], await links.ListLinkingAsync(ItemSource.AzureDevOps, "44", 10, None));

        await links.ReplaceAsync(GitHubPr, [], None);

        Assert.Empty(await links.ListLinkingAsync(ItemSource.AzureDevOps, "43", 10, None));
        Assert.Empty(await links.ListLinkingAsync(ItemSource.AzureDevOps, "44", 10, None));
    }

    [Fact]
    public async Task Links_ManyLinkingOneTarget_ListedUpToMax()
    {
        var links = OpenLinks();
        var prs = Enumerable.Range(1, 7).Select(n => new LinkingItem(ItemSource.GitHub, $"contoso/web#{n}", ItemKind.PullRequest)).ToList();
        foreach (var pr in prs)
        {
            await links.ReplaceAsync(pr, [new(ItemSource.AzureDevOps, "42", LinkKind.Reference)], None);
        }

        Assert.Equal(prs, Sorted(await links.ListLinkingAsync(ItemSource.AzureDevOps, "42", 100, None)));
        var three = await links.ListLinkingAsync(ItemSource.AzureDevOps, "42", 3, None);
        Assert.Equal(3, three.Count);
        Assert.All(three, i => Assert.Contains(i, prs));
        Assert.Empty(await links.ListLinkingAsync(ItemSource.AzureDevOps, "42", 0, None));
    }

    [Fact]
    public async Task Links_SelfDuplicatesAndOverTheBound_KeptOnceWithoutTheItemUpToTheBound()
    {
        var links = OpenLinks();
        var many = Enumerable.Range(1, ItemLinks.MaxPerItem + 10).Select(n => new ItemLink(ItemSource.AzureDevOps, $"{n}", LinkKind.Reference)).ToList();

        await links.ReplaceAsync(GitHubPr, [new(ItemSource.GitHub, "contoso/web#7", LinkKind.Reference), new(ItemSource.AzureDevOps, "1", LinkKind.Parent), .. many], None);

        Assert.Empty(await links.ListLinkingAsync(ItemSource.GitHub, "contoso/web#7", 10, None));
        Assert.Equal([GitHubPr], await links.ListLinkingAsync(ItemSource.AzureDevOps, "1", 10, None));
        Assert.Equal([GitHubPr], await links.ListLinkingAsync(ItemSource.AzureDevOps, $"{ItemLinks.MaxPerItem}", 10, None));
        Assert.Empty(await links.ListLinkingAsync(ItemSource.AzureDevOps, $"{ItemLinks.MaxPerItem + 1}", 10, None));
    }

    private static List<LinkingItem> Sorted(IEnumerable<LinkingItem> items) =>
        [.. items.OrderBy(i => i.Source).ThenBy(i => i.Id, StringComparer.Ordinal)];
}
