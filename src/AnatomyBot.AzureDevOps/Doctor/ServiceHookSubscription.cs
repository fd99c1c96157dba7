using System.Text.Json;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Doctor;

/// <summary>A Web Hooks subscription as <c>doctor</c> judges it: its event, URL, status and whether it sends a secret
/// (Azure DevOps shows a set basic authentication password or header masked, never in clear).</summary>
internal sealed record ServiceHookSubscription(string EventType, Uri? Url, string Status, bool SendsSecret)
{
    public static ServiceHookSubscription From(JsonElement json)
    {
        var inputs = json.TryGetProperty("consumerInputs", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var url = AzureDevOpsDoctor.Text(inputs, "url");
        return new ServiceHookSubscription(
            AzureDevOpsDoctor.Text(json, "eventType") ?? "",
            Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null,
            AzureDevOpsDoctor.Text(json, "status") ?? "enabled",
            !string.IsNullOrEmpty(AzureDevOpsDoctor.Text(inputs, "basicAuthPassword")) || !string.IsNullOrEmpty(AzureDevOpsDoctor.Text(inputs, "httpHeaders")));
    }

    /// <summary>One line for <paramref name="eventType"/>: an enabled subscription sending a secret to the bot's URL.</summary>
    public static DoctorCheck Check(string eventType, IReadOnlyList<ServiceHookSubscription> subscriptions, Uri? expected, string webhookPath)
    {
        var name = $"Service hook {eventType}";
        var target = expected?.AbsoluteUri ?? "https://<your app>" + webhookPath;
        var add = $"add a Web Hooks subscription for {eventType} (Project settings → Service hooks → +) with URL {target} and the basic authentication password AzureDevOps:WebhookSecret";
        var ofEvent = subscriptions.Where(s => string.Equals(s.EventType, eventType, StringComparison.OrdinalIgnoreCase)).ToList();
        if (ofEvent.Count == 0)
        {
            return DoctorCheck.Fail(name, "no subscription", add);
        }

        var ours = ofEvent.Where(s => s.Url is { } url && (expected is not null ? url == expected : url.AbsolutePath.TrimEnd('/').EndsWith(webhookPath, StringComparison.Ordinal)))
            .OrderByDescending(s => s.Status == "enabled").ThenByDescending(s => s.SendsSecret).FirstOrDefault();
        if (ours is null)
        {
            return DoctorCheck.Fail(name, $"the subscription points at {ofEvent[0].Url?.AbsoluteUri ?? "no URL"}", $"set its URL to {target} (Project settings → Service hooks → Edit)");
        }

        if (ours.Status != "enabled")
        {
            return DoctorCheck.Fail(name, $"the subscription to {ours.Url!.AbsoluteUri} is {ours.Status}",
                "make sure the host answers (GET /api/healthz), then enable it under Project settings → Service hooks");
        }

        return ours.SendsSecret
            ? DoctorCheck.Pass(name, $"{ours.Url!.AbsoluteUri}, enabled, with a secret")
            : DoctorCheck.Fail(name, $"the subscription to {ours.Url!.AbsoluteUri} sends no secret", "set its basic authentication password (or the header AzureDevOps:WebhookSecretHeader) to AzureDevOps:WebhookSecret");
    }
}
