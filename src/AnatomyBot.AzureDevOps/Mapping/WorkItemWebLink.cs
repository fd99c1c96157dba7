namespace AnatomyBot.AzureDevOps.Mapping;

/// <summary>The web page of a work item, <c>{organization}/{project}/_workitems/edit/{id}</c>, when a payload carries
/// only its REST <c>url</c> (<c>{organization}/_apis/wit/workItems/{id}</c>, which answers JSON, not a page). The
/// project is the first segment of the area path, as Azure DevOps names area paths.</summary>
internal static class WorkItemWebLink
{
    private const string ApiSegment = "/_apis/";

    /// <summary>The web link for <paramref name="url"/>; the url itself when it is no REST url of the item.</summary>
    public static string? From(string? url, string id, string? areaPath)
    {
        var api = url?.IndexOf(ApiSegment, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (url is null || api <= 0 || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return url;
        }

        var collection = url[..api];
        var project = ProjectOf(areaPath);
        var projectSegment = project is null ? null : "/" + Uri.EscapeDataString(project);
        // A REST url already scoped to the project keeps it; compared as spelled, so an organization whose name differs
        // from its project's only by case (contoso/Contoso) still gets the project.
        if (projectSegment is not null && !collection.EndsWith(projectSegment, StringComparison.Ordinal))
        {
            collection += projectSegment;
        }

        return $"{collection}/_workitems/edit/{Uri.EscapeDataString(id)}";
    }

    private static string? ProjectOf(string? areaPath)
    {
        var root = areaPath?.Split('\\', 2)[0].Trim();
        return string.IsNullOrEmpty(root) ? null : root;
    }
}
