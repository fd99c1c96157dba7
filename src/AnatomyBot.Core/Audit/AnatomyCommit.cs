namespace AnatomyBot.Core.Audit;

/// <summary>A commit that changed the anatomy file: where it lives (<c>github:acme/shop</c>, <c>azure-devops:Fabrikam/anatomy</c>),
/// its id, who made it (the commit's author, else the pusher), its web address and when it arrived.</summary>
public sealed record AnatomyCommit(string Where, string Id, string Actor, string? Url, DateTimeOffset At)
{
    /// <summary>Whether a push's commit id names no commit: missing, or git's all-zero id, which both platforms' push
    /// notifications carry as the old commit of a branch created and the new commit of a branch deleted.</summary>
    public static bool IsZero(string? objectId) => string.IsNullOrEmpty(objectId) || objectId.All(c => c == '0');
}
