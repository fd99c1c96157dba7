using AnatomyBot.AzureDevOps.Events;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Sweep;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Links;
using AnatomyBot.Core.Policy;

namespace AnatomyBot.AzureDevOps.Tests.Sweep;

public sealed class RecheckDeliveriesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Create_WorkItemsAndPullRequests_TheSweepsDeliveriesUnderTheCausesRecheckPrefix()
    {
        LinkingItem[] items =
        [
            new(ItemSource.AzureDevOps, "44", ItemKind.Story),
            new(ItemSource.AzureDevOps, "Fabrikam/Web!12", ItemKind.PullRequest),
            new(ItemSource.AzureDevOps, "43", ItemKind.Feature),
        ];

        var deliveries = new AzureDevOpsRecheckDeliveries().Create("hook-1", items, At);

        Assert.Equal(["recheck:hook-1:workitems:0001", "recheck:hook-1:pullrequests:0001"], deliveries.Select(d => d.Id));
        Assert.True(NotificationSubjectReader.TryRead(deliveries[0].EventName, deliveries[0].Body, out var workItems, out _));
        Assert.Equal([43, 44], Assert.IsType<ReconcileSubject>(workItems).WorkItemIds);
        Assert.True(NotificationSubjectReader.TryRead(deliveries[1].EventName, deliveries[1].Body, out var pullRequests, out _));
        Assert.Equal([new PullRequestRef("Fabrikam", "Web", 12)], Assert.IsType<ReconcileSubject>(pullRequests).PullRequests);
        Assert.Equal(deliveries, new AzureDevOpsRecheckDeliveries().Create("hook-1", items, At));
    }
}
