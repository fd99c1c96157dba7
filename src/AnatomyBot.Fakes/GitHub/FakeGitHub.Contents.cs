using System.Net;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>Repository contents: a file on the default branch as JSON (base64 content) or, for
/// <c>application/vnd.github.raw+json</c>, as the raw text; with an <c>ETag</c>, and <c>304 Not Modified</c> when the
/// request's <c>If-None-Match</c> still holds.</summary>
public sealed partial class FakeGitHub
{
    public const string RawMediaType = "application/vnd.github.raw+json";

    private void MapContents() =>
        Map(HttpMethod.Get, Repo + "/contents/{path}", r => WithRepository(r, repo =>
        {
            if (!repo.Files.TryGetValue(r.Route("path"), out var text))
            {
                return NotFound();
            }

            var etag = $"\"{FakeGitHubJson.Sha(text)}\"";
            if (r.Headers.IfNoneMatch.Any(t => t.Tag == etag))
            {
                NotModified++;
                return new FakeResponse(HttpStatusCode.NotModified).WithHeader("ETag", etag);
            }

            var raw = r.Headers.Accept.Any(a => a.MediaType is RawMediaType or "application/vnd.github.raw");
            var answer = raw ? FakeResponse.Raw(text, RawMediaType) : FakeResponse.Json(FakeGitHubJson.ContentFile(Api, repo, r.Route("path"), text));
            return answer.WithHeader("ETag", etag);
        }), greedyLast: true);
}
