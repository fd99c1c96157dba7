using System.Globalization;
using AnatomyBot.AzureDevOps.Rest;

namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>The Core id of an Azure DevOps pull request: <c>{project}/{repository}!{number}</c> (names when known, e.g.
/// <c>Fabrikam/Web!12</c>). It never collides with work-item ids (plain numbers) and carries everything the applier needs
/// to find the PR again; Azure DevOps routes accept names as well as ids.</summary>
public static class PullRequestIds
{
    public static string Format(PullRequestRef pr)
    {
        ArgumentNullException.ThrowIfNull(pr);
        return $"{pr.Project}/{pr.RepositoryId}!{pr.PullRequestId.ToString(CultureInfo.InvariantCulture)}";
    }

    public static bool TryParse(string? id, out PullRequestRef pr)
    {
        pr = null!;
        var bang = id?.LastIndexOf('!') ?? -1;
        var slash = id?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (id is null || bang < 0 || slash <= 0 || slash > bang - 2
            || !int.TryParse(id.AsSpan(bang + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return false;
        }

        pr = new PullRequestRef(id[..slash], id[(slash + 1)..bang], number);
        return true;
    }

    /// <summary>The PR an <c>ArtifactLink</c> relation points at:
    /// <c>vstfs:///Git/PullRequestId/{projectId}%2F{repositoryId}%2F{number}</c>.</summary>
    public static bool TryParseArtifactLink(string? url, out PullRequestRef pr)
    {
        pr = null!;
        const string prefix = "vstfs:///Git/PullRequestId/";
        if (url is null || !url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = Uri.UnescapeDataString(url[prefix.Length..]).Split('/');
        if (parts.Length != 3 || !Core.Pipeline.PlainName.Is(parts[0]) || !Core.Pipeline.PlainName.Is(parts[1])
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return false;
        }

        pr = new PullRequestRef(parts[0], parts[1], number);
        return true;
    }
}
