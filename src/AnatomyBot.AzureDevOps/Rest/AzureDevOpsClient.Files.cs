using AnatomyBot.AzureDevOps.Rest.Dtos;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>A file's text at a commit (<c>git/repositories/{repo}/items?path=…&amp;versionDescriptor.versionType=commit</c>).</summary>
public sealed partial class AzureDevOpsClient
{
    /// <summary>The text of <paramref name="path"/> at <paramref name="commitId"/>; null when it is not there.</summary>
    public async Task<string?> GetFileTextAtCommitAsync(string project, string repository, string path, string commitId, CancellationToken cancellationToken)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal) { ["project"] = project, ["repositoryId"] = repository };
        var query = new List<KeyValuePair<string, string>>
        {
            new("path", path),
            new("includeContent", "true"),
            new("versionDescriptor.version", commitId),
            new("versionDescriptor.versionType", "commit"),
        };
        var item = await SendAsync<GitItemDto>(AzureDevOpsOperations.GetItem, route, query, null, cancellationToken).ConfigureAwait(false);
        return item is { IsFolder: false } ? item.Content : null;
    }
}
