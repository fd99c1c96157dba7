using System.Globalization;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Rest.Dtos;

namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>Reads a work item's relations: parent (<c>System.LinkTypes.Hierarchy-Reverse</c>), children
/// (<c>-Forward</c>) and linked pull requests (<c>ArtifactLink</c> to <c>vstfs:///Git/PullRequestId/…</c>).</summary>
public static class WorkItemRelations
{
    public const string Parent = "System.LinkTypes.Hierarchy-Reverse";
    public const string Child = "System.LinkTypes.Hierarchy-Forward";
    public const string Artifact = "ArtifactLink";

    public static int? ParentId(WorkItemDto item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Fields?.TryGetValue("System.Parent", out var field) == true && field.TryGetInt32(out var parent) && parent > 0)
        {
            return parent;
        }

        return Targets(item, Parent).Cast<int?>().FirstOrDefault();
    }

    public static IReadOnlyList<int> ChildIds(WorkItemDto item) => Targets(item, Child);

    public static IReadOnlyList<PullRequestRef> PullRequests(WorkItemDto item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var refs = new List<PullRequestRef>();
        foreach (var relation in item.Relations ?? [])
        {
            if (string.Equals(relation.Rel, Artifact, StringComparison.OrdinalIgnoreCase) && PullRequestIds.TryParseArtifactLink(relation.Url, out var pr))
            {
                refs.Add(pr);
            }
        }

        return refs;
    }

    private static List<int> Targets(WorkItemDto item, string rel)
    {
        ArgumentNullException.ThrowIfNull(item);
        var ids = new List<int>();
        foreach (var relation in item.Relations ?? [])
        {
            if (string.Equals(relation.Rel, rel, StringComparison.OrdinalIgnoreCase) && TryIdFromUrl(relation.Url, out var id))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>The id at the end of <c>https://…/_apis/wit/workItems/123</c>.</summary>
    private static bool TryIdFromUrl(string? url, out int id)
    {
        id = 0;
        var slash = url?.TrimEnd('/').LastIndexOf('/') ?? -1;
        return slash >= 0 && int.TryParse(url!.TrimEnd('/').AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}
