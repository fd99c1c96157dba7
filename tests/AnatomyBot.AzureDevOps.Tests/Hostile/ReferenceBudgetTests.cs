using System.Text;
using System.Text.Json;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Core.Reconcile;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Hostile;

/// <summary>What one Azure DevOps pull request can make the bot read: at most 50 linked work items (with their ancestors,
/// in batches) within the delivery's API call budget (<c>Pipeline:MaxApiCallsPerDelivery</c>); when the budget is spent
/// the pull request's status is <c>notApplicable</c> and its thread says why — never a verdict on half its links.</summary>
public sealed class ReferenceBudgetTests
{
    private const string Batch = "POST /contoso/Fabrikam/_apis/wit/workitemsbatch";

    // The pull request is read by the ids the service hook names, and written by the names its details give.
    private const string Read = $"/contoso/{FakeAzureDevOps.DefaultProjectId}/_apis/git/repositories/{FakeAzureDevOps.DefaultRepositoryId}/pullRequests/5";
    private const string Written = "/contoso/Fabrikam/_apis/git/repositories/Web/pullRequests/5";

    [Fact]
    public async Task HandleAsync_DescriptionWith2000BoardsMentions_Reads50InOneBatchAndSaysHowManyWereNotRead()
    {
        using var host = new TestHost();
        var body = new StringBuilder("Touches many things.\n");
        for (var n = 1; n <= 2000; n++)
        {
            body.Append("AB#").Append(n + 100).Append(' ');
        }

        for (var n = 101; n <= 160; n++)
        {
            host.Fake.Add(new FakeWorkItem { Id = n, Title = $"Story {n}", Description = "<p>Stage: S-VERIFY</p><p>Component: C-KYC</p>" });
        }

        var pr = host.Fake.Add(new FakePullRequest { Number = 5, Title = "Add scanner", Description = body.ToString() });

        var result = await Deliver(host);

        Assert.Equal(host.Fake.Requests.Count, result.ApiCalls);
        Assert.Equal(Expected(reads: [Batch]), Sent(host));
        var batch = JsonDocument.Parse(host.Fake.Requests.Single(r => r.Path.EndsWith("/workitemsbatch", StringComparison.Ordinal)).Body);
        Assert.Equal(Enumerable.Range(101, 50), batch.RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()));
        var evaluation = Assert.Single(result.Evaluations);
        Assert.Contains(ReferenceExtractor.NotRead(1950), evaluation.Diagnostics);
        Assert.Contains("1950 more references were not read", Assert.Single(pr.Threads).Comments[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_BudgetSpentOnAncestors_StatusNotApplicableAndThreadSayingWhy()
    {
        using var host = new TestHost(new() { ["Pipeline:MaxApiCallsPerDelivery"] = "10" });
        // A chain of single parents: each level is one more batch read, so the ancestors outrun a small budget.
        for (var n = 101; n <= 120; n++)
        {
            host.Fake.Add(new FakeWorkItem { Id = n, Title = $"Item {n}", Parent = n < 120 ? n + 1 : null });
        }

        var pr = host.Fake.Add(new FakePullRequest { Number = 5, Title = "Add scanner", Description = "Implements AB#101" });

        var result = await Deliver(host);

        Assert.Empty(result.Evaluations);
        var status = Assert.Single(pr.Statuses);
        Assert.Equal(("notApplicable", BudgetSpentState.Title), (status.State, status.Description));
        var thread = Assert.Single(pr.Threads);
        Assert.Equal("active", thread.Status);
        Assert.Contains("more than 10 API calls", thread.Comments[0].Content, StringComparison.Ordinal);
        Assert.Contains("Pipeline:MaxApiCallsPerDelivery", thread.Comments[0].Content, StringComparison.Ordinal);
        Assert.Equal(Expected(reads: [.. Enumerable.Repeat(Batch, 4)]), Sent(host));
        Assert.DoesNotContain(host.Fake.WorkItems.Values, w => w.Tags is not null);
    }

    [Fact]
    public async Task HandleAsync_BudgetSpentTwice_SecondDeliveryWritesNothing()
    {
        using var host = new TestHost(new() { ["Pipeline:MaxApiCallsPerDelivery"] = "10" });
        for (var n = 101; n <= 120; n++)
        {
            host.Fake.Add(new FakeWorkItem { Id = n, Title = $"Item {n}", Parent = n < 120 ? n + 1 : null });
        }

        var pr = host.Fake.Add(new FakePullRequest { Number = 5, Title = "Add scanner", Description = "Implements AB#101" });
        await Deliver(host);

        var again = await Deliver(host);

        Assert.Equal(0, again.Writes);
        Assert.Single(pr.Statuses);
        Assert.Single(pr.Threads);
    }

    private static Task<DeliveryResult> Deliver(TestHost host)
    {
        host.Fake.ClearRequests();
        return host.Get<IDeliveryHandler>().HandleAsync(
            new Delivery
            {
                Platform = Platforms.AzureDevOps, Id = Guid.NewGuid().ToString(), EventName = "git.pullrequest.updated",
                Body = Payloads.PullRequest("git.pullrequest.updated", 5), ReceivedAt = host.Time.GetUtcNow(),
            },
            CancellationToken.None);
    }

    private static List<string> Sent(TestHost host) => [.. host.Fake.Requests.Select(r => $"{r.Method} {r.Path}")];

    /// <summary>The pull request's own reads, then <paramref name="reads"/>, then the status (in a fresh process its answer
    /// names the bot, before the bot's thread is looked for) and the thread.</summary>
    private static List<string> Expected(IEnumerable<string> reads) =>
    [
        $"GET {Read.Replace("pullRequests", "pullrequests", StringComparison.Ordinal)}",
        $"GET {Read}/workitems",
        $"GET {Read}/iterations",
        $"GET {Read}/iterations/1/changes",
        $"GET {Read}/threads",
        $"GET {Read}/iterations/1/statuses",
        .. reads,
        $"POST {Written}/iterations/1/statuses",
        $"POST {Written}/threads",
        $"GET {Written}/threads",
    ];
}
