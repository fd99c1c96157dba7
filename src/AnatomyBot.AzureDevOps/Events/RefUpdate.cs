namespace AnatomyBot.AzureDevOps.Events;

/// <summary>One ref moved by a push: <c>refs/heads/main</c> from one commit to another (all zeros: created or deleted).</summary>
public sealed record RefUpdate(string Name, string? OldObjectId, string? NewObjectId)
{
    public static bool IsZero(string? objectId) => string.IsNullOrEmpty(objectId) || objectId.All(c => c == '0');
}
