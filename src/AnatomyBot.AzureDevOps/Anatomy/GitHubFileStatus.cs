namespace AnatomyBot.AzureDevOps.Anatomy;

public enum GitHubFileStatus
{
    Found,
    NotModified,
    NotFound,
}
