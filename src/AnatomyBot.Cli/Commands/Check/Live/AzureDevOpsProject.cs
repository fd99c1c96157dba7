namespace AnatomyBot.Cli.Commands.Check.Live;

/// <summary>The organisation (collection) URL and project of <c>--azure-devops</c>: the project is the last path segment
/// (<c>https://dev.azure.com/ORG/PROJECT</c>, <c>https://ORG.visualstudio.com/PROJECT</c>,
/// <c>https://HOST/tfs/COLLECTION/PROJECT</c>), as <c>$(System.CollectionUri)$(System.TeamProject)</c> gives it.</summary>
internal static class AzureDevOpsProject
{
    public static (Uri Organization, string Project) Parse(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query))
        {
            throw new LiveReadException($"check: --azure-devops '{url}' is not an address such as https://dev.azure.com/ORG/PROJECT");
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var cut = path.LastIndexOf('/');
        var project = Uri.UnescapeDataString(path[(cut + 1)..]);
        if (cut < 0 || project.Length == 0)
        {
            throw new LiveReadException($"check: --azure-devops '{url}' names no project; expected https://dev.azure.com/ORG/PROJECT");
        }

        return (new Uri($"{uri.GetLeftPart(UriPartial.Authority)}{path[..(cut + 1)]}"), project);
    }
}
