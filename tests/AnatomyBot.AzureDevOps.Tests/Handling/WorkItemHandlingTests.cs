using System.Net;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Handling;

public sealed class WorkItemHandlingTests : HandlerTestBase
{
    [Fact]
    public async Task UnlinkedStory_GetsGapTags_ForeignTagsWithOddSpacingAndCaseKept()
    {
        Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports", Tags = " Team:Blue ;;  urgent;ANATOMY:EXEMPT-not; " });

        var result = await WorkItemUpdated(10);

        var tags = TagList.Parse(Fake.WorkItems[10].Tags);
        Assert.Contains("Team:Blue", tags);
        Assert.Contains("urgent", tags);
        Assert.Contains("ANATOMY:EXEMPT-not", tags);
        Assert.Contains("anatomy:no-stage", tags);
        Assert.Contains("anatomy:no-component", tags);
        Assert.Equal(2, result.Writes);
        Assert.Contains(Markers.Comment, Assert.Single(Fake.WorkItems[10].Comments).Text, StringComparison.Ordinal);
        Assert.Equal("10", Assert.Single(result.Evaluations).Item.Id);
    }

    [Fact]
    public async Task WorkItemOfAProjectWithoutAnatomy_NothingWrittenAndSkippedSaysWhy()
    {
        var item = Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports" });
        item.Fields["System.TeamProject"] = "Elsewhere";

        var result = await WorkItemUpdated(10);

        Assert.Empty(Fake.Writes);
        Assert.Empty(result.Evaluations);
        Assert.Contains("project Elsewhere has no configured anatomy", result.Skipped, StringComparison.Ordinal);
        Assert.Null(Fake.WorkItems[10].Tags);
    }

    [Fact]
    public async Task SecondDelivery_SameState_MakesZeroWrites()
    {
        Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports" });
        await WorkItemUpdated(10);

        var again = await WorkItemUpdated(10);

        Assert.Equal(0, again.Writes);
        Assert.Empty(Fake.Writes);
        Assert.True(again.ApiCalls > 0);
    }

    [Fact]
    public async Task FixedStory_LosesOnlyTheBotsTags_OddCasingOfOwnedTagRecognised()
    {
        Fake.Add(new FakeWorkItem
        {
            Id = 10,
            Title = "Scan passports",
            Description = "<div>Stage: S-VERIFY</div><div>Component: C-KYC</div>",
            Tags = "keep-me; Anatomy:No-Stage ; anatomy:no-component",
        });

        var result = await WorkItemUpdated(10);

        Assert.Equal(["keep-me"], TagList.Parse(Fake.WorkItems[10].Tags));
        Assert.Empty(Assert.Single(result.Evaluations).Gaps);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task ConcurrentEditByAPerson_412Or409_IsRereadAndThePersonsTagIsKept(HttpStatusCode conflict)
    {
        var item = Fake.Add(new FakeWorkItem { Id = 10, Title = "Scan passports", Tags = "old" });
        Fake.Queue(HttpMethod.Patch, "workitems/10$", () =>
        {
            item.Tags = "old; added-by-person";
            item.Rev++;
            return FakeAzureDevOps.Status(conflict);
        });

        await WorkItemUpdated(10);

        var tags = TagList.Parse(item.Tags);
        Assert.Contains("added-by-person", tags);
        Assert.Contains("old", tags);
        Assert.Contains("anatomy:no-component", tags);
        // The tags are written first; the discussion comment follows.
        var tagRequests = Fake.Requests.TakeWhile(r => !r.Uri.AbsolutePath.EndsWith("/comments", StringComparison.Ordinal)).ToList();
        var patches = tagRequests.Where(r => r.Method == HttpMethod.Patch).ToList();
        Assert.Equal(2, patches.Count);
        Assert.Equal(HttpMethod.Get, tagRequests[^2].Method);
        Assert.EndsWith("/workitems/10?$expand=relations&api-version=7.1", tagRequests[^2].PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("\"value\":1}", patches[0].Body, StringComparison.Ordinal);
        Assert.Contains("\"value\":2}", patches[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedBetweenEventAndRead_404_IsSkippedWithALogLineAndNoWrites()
    {
        var result = await WorkItemUpdated(404);

        Assert.NotNull(result.Skipped);
        Assert.Empty(Fake.Writes);
        Assert.Contains(Host.Logs.Collector.GetSnapshot(), l => l.Message.Contains("no longer exists", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorkItemDeleted_IsGoneWithoutApiCalls()
    {
        var result = await Deliver("workitem.deleted", Payloads.WorkItem("workitem.deleted", 10));

        Assert.Equal(new Core.Pipeline.GoneItem(Core.Linkage.ItemSource.AzureDevOps, "10"), Assert.Single(result.Gone));
        Assert.Empty(result.Evaluations);
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task ParentChange_ReevaluatesChildrenAndGrandchildren()
    {
        Fake.Add(new FakeWorkItem { Id = 1, Type = "Epic", Title = "Onboarding", Description = "<p>Outcome: O-ACT</p>" });
        Fake.Add(new FakeWorkItem { Id = 2, Type = "Feature", Title = "KYC", Parent = 1, Description = "<p>Stage: S-VERIFY</p>" });
        Fake.Add(new FakeWorkItem { Id = 3, Title = "Scan", Parent = 2 });

        var result = await WorkItemUpdated(1);

        Assert.Equal(["1", "2", "3"], result.Evaluations.Select(e => e.Item.Id));
        Assert.Equal(["anatomy:no-component"], TagList.Parse(Fake.WorkItems[3].Tags));
        Assert.Null(Fake.WorkItems[2].Tags);
    }

    [Fact]
    public async Task HtmlDescriptionWithScript_IsEvaluatedSafely()
    {
        Fake.Add(new FakeWorkItem { Id = 10, Title = "x", Description = "<script>alert('Component: C-KYC')</script><p>Stage: S-VERIFY</p>" });

        var result = await WorkItemUpdated(10);

        var evaluation = Assert.Single(result.Evaluations);
        Assert.DoesNotContain("C-KYC", evaluation.Trace.Components);
        Assert.Contains("anatomy:no-component", TagList.Parse(Fake.WorkItems[10].Tags));
    }

    [Fact]
    public async Task UpdatePayloadShape_TakesWorkItemIdNotTheUpdateId()
    {
        Fake.Add(new FakeWorkItem { Id = 42, Title = "x" });
        Fake.Add(new FakeWorkItem { Id = 7, Title = "the update number, not an item" });

        var result = await WorkItemUpdated(42);

        Assert.Equal("42", Assert.Single(result.Evaluations).Item.Id);
    }
}
