namespace AnatomyBot.AzureDevOps.Events;

/// <summary>One ref moved by a push: <c>refs/heads/main</c> from one commit to another (all zeros: created or deleted,
/// <see cref="Core.Audit.AnatomyCommit.IsZero"/>).</summary>
public sealed record RefUpdate(string Name, string? OldObjectId, string? NewObjectId);
