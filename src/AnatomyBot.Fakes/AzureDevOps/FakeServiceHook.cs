namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>A Web Hooks service hook subscription of the organisation (publisher <c>tfs</c>, consumer <c>webHooks</c>,
/// action <c>httpRequest</c>).</summary>
public sealed class FakeServiceHook
{
    public string Id { get; init; } = Guid.NewGuid().ToString();

    public required string EventType { get; init; }

    public required Uri Url { get; set; }

    /// <summary><c>enabled</c>, <c>onProbation</c>, <c>disabledByUser</c>, <c>disabledBySystem</c> or <c>disabledByInactiveIdentity</c>.</summary>
    public string Status { get; set; } = "enabled";

    /// <summary>Whether a basic authentication password is set (Azure DevOps shows it masked).</summary>
    public bool HasPassword { get; set; } = true;

    /// <summary>The project whose events it sends; null for the fake's own project.</summary>
    public string? ProjectId { get; init; }
}
