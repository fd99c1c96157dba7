using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary><c>AzureDevOps:Anatomy:Repository</c>: the file in an Azure Repos repository, at <c>Branch</c> or the
/// default branch (<c>git/repositories/{repo}/items</c>).</summary>
public sealed class AzureReposAnatomyFileSource(AzureDevOpsClient client, AnatomySourceOptions source, string boardsProject) : IAnatomyFileSource
{
    public string Project => string.IsNullOrWhiteSpace(source.Project) ? boardsProject : source.Project;

    public string Description => $"Azure Repos {Project}/{source.Repository}:{source.Path}";

    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        var file = await client.GetFileAsync(Project, source.Repository!, source.Path, source.Branch, cancellationToken).ConfigureAwait(false);
        return file?.Content;
    }
}
