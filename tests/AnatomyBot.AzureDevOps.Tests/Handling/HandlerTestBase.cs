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

    internal Task<DeliveryResult> Deliver(string eventType, string body) => Deliver(Host, eventType, body);

    /// <summary>A delivery to <paramref name="host"/> (another process on the same Azure DevOps), its requests recorded afresh.</summary>
    internal static Task<DeliveryResult> Deliver(TestHost host, string eventType, string body)
    {
        host.Fake.ClearRequests();
        var handler = host.Get<IDeliveryHandler>();
        return handler.HandleAsync(
            new Delivery { Platform = Platforms.AzureDevOps, Id = Guid.NewGuid().ToString(), EventName = eventType, Body = body, ReceivedAt = host.Time.GetUtcNow() },
            CancellationToken.None);
    }

    internal Task<DeliveryResult> WorkItemUpdated(int id) => Deliver("workitem.updated", Payloads.WorkItemUpdated(id));

    internal Task<DeliveryResult> PullRequestUpdated(int number) => Deliver("git.pullrequest.updated", Payloads.PullRequest("git.pullrequest.updated", number));
}
