namespace AnatomyBot.Cli.Tests.Reliability;

/// <summary>What <c>serve</c> answered to one <see cref="WebhookRequest"/>.</summary>
internal sealed record WebhookAnswer(WebhookRequest Request, int StatusCode, string Reason)
{
    public override string ToString() => $"{Request.Kind} {Request.DeliveryId}: {StatusCode} {Reason}";
}
