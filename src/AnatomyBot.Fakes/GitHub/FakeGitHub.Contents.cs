using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.GitHub;

/// <summary>Repository contents: a file on the default branch (or at a commit of
/// <see cref="FakeGitHubRepository.FilesAt"/> named by <c>?ref=</c>) as JSON (base64 content) or, for
/// <c>application/vnd.github.raw+json</c>, as the raw text; a folder as the list of its entries; with an <c>ETag</c>,
/// and <c>304 Not Modified</c> when the request's <c>If-None-Match</c> still holds.</summary>
public sealed partial class FakeGitHub
{
    public const string RawMediaType = "application/vnd.github.raw+json";

    /// <summary>Whether a file is answered raw when asked for <see cref="RawMediaType"/> (older GitHub Enterprise Server
    /// answers JSON whatever was asked).</summary>
    public bool ServesRawMediaType { get; set; } = true;

    private void MapContents() =>
        Map(HttpMethod.Get, Repo + "/contents/{path}", r => WithRepository(r, repo =>
        {
            var path = r.Route("path");
            var files = r.QueryValue("ref") is { } reference && reference != repo.DefaultBranch
                ? repo.FilesAt.GetValueOrDefault(reference) ?? (IsFullSha(reference) ? [] : repo.Files)
                : repo.Files;
            if (!files.TryGetValue(path, out var text))
            {
                var entries = files.Where(f => f.Key.StartsWith(path + "/", StringComparison.Ordinal)).ToList();
                return entries.Count == 0
                    ? NotFound()
                    : FakeResponse.Json(new JsonArray([.. entries.Select(f => (JsonNode)FakeGitHubJson.DirectoryEntry(Api, repo, f.Key, f.Value))]));
            }

            var etag = $"\"{FakeGitHubJson.Sha(text)}\"";
            if (r.Headers.IfNoneMatch.Any(t => t.Tag == etag))
            {
                NotModified++;
                return new FakeResponse(HttpStatusCode.NotModified).WithHeader("ETag", etag);
            }

            var raw = ServesRawMediaType && r.Headers.Accept.Any(a => a.MediaType is RawMediaType or "application/vnd.github.raw");
            var answer = raw ? FakeResponse.Raw(text, RawMediaType) : FakeResponse.Json(FakeGitHubJson.ContentFile(Api, repo, path, text));
            return answer.WithHeader("ETag", etag);
        }), greedyLast: true);

    private static bool IsFullSha(string reference) => reference.Length == 40 && reference.All(char.IsAsciiHexDigit);
}
