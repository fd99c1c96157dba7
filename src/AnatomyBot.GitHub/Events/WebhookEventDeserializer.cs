using Octokit.Webhooks;

namespace AnatomyBot.GitHub.Events;

/// <summary>Octokit.Webhooks' own event deserialisation by <c>X-GitHub-Event</c> name (the typed event per action).</summary>
internal sealed class WebhookEventDeserializer : WebhookEventProcessor
{
    public WebhookEvent Deserialize(string eventName, string body) =>
        DeserializeWebhookEvent(new WebhookHeaders { Event = eventName }, body);
}
