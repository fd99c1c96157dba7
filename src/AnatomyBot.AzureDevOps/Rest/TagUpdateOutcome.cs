namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>What a guarded tag patch did: applied, refused because the item changed since it was read (the <c>test</c>
/// on <c>/rev</c> failed: 412 or 409), or the item no longer exists.</summary>
public enum TagUpdateOutcome
{
    Updated,
    Conflict,
    NotFound,
}
