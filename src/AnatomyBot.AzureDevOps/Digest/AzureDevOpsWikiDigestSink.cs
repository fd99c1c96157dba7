using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Rest.Requests;
using AnatomyBot.Core.Digest;
using AnatomyBot.Core.Digest.Rendering;

namespace AnatomyBot.AzureDevOps.Digest;

/// <summary>One Azure DevOps wiki page per week under a configurable path, in the wiki's <c>::: mermaid</c> flavour.
/// Re-running a week reads the page's ETag and PUTs with <c>If-Match</c>, so it updates the page and never overwrites
/// an edit made in between; missing parent pages are created first.</summary>
public sealed class AzureDevOpsWikiDigestSink(HttpClient http, AzureDevOpsWikiDigestSinkOptions options) : IDigestSink
{
    public const string HttpClientName = "anatomybot-digest-azure-devops";
    private const string ApiVersion = "7.1";
    private const string ParentContent = "Weekly AnatomyBot governance digests, one page per ISO week.\n";

    public string Name => "azure-devops-wiki";

    public async Task<DigestPublication> PublishAsync(WeeklyDigest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.Week is not { } week)
        {
            throw new InvalidOperationException("The Azure DevOps wiki sink publishes weekly digests only.");
        }

        var content = DigestMarkdownRenderer.Render(digest, new DigestRenderOptions { Flavor = DigestFlavor.AzureDevOps });
        await EnsureParentsAsync(cancellationToken).ConfigureAwait(false);
        var path = options.PagePath(week.ToString());
        var existing = await GetAsync(path, cancellationToken).ConfigureAwait(false);
        if (existing is { } page && Normalise(page.Page.Content) == Normalise(content))
        {
            return new DigestPublication(Name, DigestPublicationAction.Unchanged, page.Page.RemoteUrl ?? path);
        }

        var written = await PutAsync(path, content, existing?.ETag, cancellationToken).ConfigureAwait(false);
        return new DigestPublication(
            Name,
            existing is null ? DigestPublicationAction.Created : DigestPublicationAction.Updated,
            written?.RemoteUrl ?? path);
    }

    private async Task EnsureParentsAsync(CancellationToken cancellationToken)
    {
        var segments = options.PathPrefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i <= segments.Length; i++)
        {
            var parent = "/" + string.Join('/', segments[..i]);
            if (await GetAsync(parent, cancellationToken).ConfigureAwait(false) is null)
            {
                await PutAsync(parent, ParentContent, null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<(WikiPage Page, string? ETag)?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(PageUri(path, includeContent: true), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var page = await response.Content.ReadFromJsonAsync(AzureDevOpsJsonContext.Default.WikiPage, cancellationToken).ConfigureAwait(false) ?? new WikiPage(null, null);
        var etag = response.Headers.ETag?.Tag ?? (response.Headers.TryGetValues("ETag", out var tags) ? tags.First() : null);
        return (page, etag);
    }

    private async Task<WikiPage?> PutAsync(string path, string content, string? etag, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, PageUri(path, includeContent: false))
        {
            Content = JsonContent.Create(new ContentRequest(content), AzureDevOpsJsonContext.Default.ContentRequest),
        };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(AzureDevOpsJsonContext.Default.WikiPage, cancellationToken).ConfigureAwait(false);
    }

    private Uri PageUri(string path, bool includeContent) => new(
        $"{Uri.EscapeDataString(options.Project)}/_apis/wiki/wikis/{Uri.EscapeDataString(options.Wiki)}/pages"
        + $"?path={Uri.EscapeDataString(path)}{(includeContent ? "&includeContent=true" : "")}&api-version={ApiVersion}",
        UriKind.Relative);

    private static string Normalise(string? text) => (text ?? "").ReplaceLineEndings("\n").TrimEnd();

    internal sealed record WikiPage(
        [property: JsonPropertyName("content")] string? Content,
        [property: JsonPropertyName("remoteUrl")] string? RemoteUrl);
}
