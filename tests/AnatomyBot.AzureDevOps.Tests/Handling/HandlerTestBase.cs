using AnatomyBot.Core.Pipeline;
using AnatomyBot.Fakes.AzureDevOps;

namespace AnatomyBot.AzureDevOps.Tests.Handling;

public abstract class HandlerTestBase : IDisposable
{
    internal TestHost Host { get; } = new();

    internal FakeAzureDevOps Fake => Host.Fake;

    public void Dispose()
    {
        Host.Dispose();
        GC.SuppressFinalize(this);
    }

    internal Task<DeliveryResult> Deliver(string eventType, string body)
    {
        Fake.ClearRequests();
        var handler = Host.Get<IDeliveryHandler>();
        return handler.HandleAsync(
            new Delivery { Platform = Platforms.AzureDevOps, Id = Guid.NewGuid().ToString(), EventName = eventType, Body = body, ReceivedAt = Host.Time.GetUtcNow() },
            CancellationToken.None);
    }

    internal Task<DeliveryResult> WorkItemUpdated(int id) => Deliver("workitem.updated", Payloads.WorkItemUpdated(id));

    internal Task<DeliveryResult> PullRequestUpdated(int number) => Deliver("git.pullrequest.updated", Payloads.PullRequest("git.pullrequest.updated", number));
}
