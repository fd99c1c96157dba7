namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>Where a pull request lives: project (id or name), repository (id or name) and number.</summary>
public sealed record PullRequestRef(string Project, string RepositoryId, int PullRequestId)
{
    public override string ToString() => $"{Project}/{RepositoryId}!{PullRequestId}";
}
