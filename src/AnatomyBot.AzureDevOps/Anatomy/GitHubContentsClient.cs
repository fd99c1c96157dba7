using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Pipeline;

namespace AnatomyBot.AzureDevOps.Anatomy;

/// <summary>Typed <see cref="HttpClient"/> for one GitHub REST call, <c>GET /repos/{owner}/{repo}/contents/{path}?ref=</c>,
/// so the Azure DevOps channel can read an anatomy kept on GitHub without the GitHub channel or Octokit. Asks for the raw
/// file (<c>application/vnd.github.raw+json</c>) and also decodes the JSON form (<c>content</c> in base64) that older
/// servers return. Rate limits (<c>Retry-After</c>, <c>X-RateLimit-*</c>) go through the caller's
/// <see cref="RateLimitGate"/>; throttling, 5xx and network failures end the delivery transiently, other refusals
/// (401, 403, a file too large) with <see cref="AnatomyUnavailableException"/>.</summary>
public sealed class GitHubContentsClient(HttpClient http)
{
    public const string RawMediaType = "application/vnd.github.raw+json";
    public const string ApiVersion = "2022-11-28";

    /// <summary>Reads the file; the request counts as one call in <paramref name="tally"/> (the delivery's, when there is one).</summary>
    public async Task<GitHubFile> GetFileAsync(GitHubFileRequest file, RateLimitGate gate, TimeSpan maxInlineWait, ApiCallTally? tally, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(gate);
        await gate.WaitAsync(maxInlineWait, cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, file.Uri);
        request.Headers.Accept.ParseAdd(RawMediaType);
        request.Headers.UserAgent.ParseAdd("AnatomyBot");
        request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
        if (!string.IsNullOrWhiteSpace(file.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", file.Token);
        }

        if (!string.IsNullOrEmpty(file.ETag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", file.ETag);
        }

        tally?.Record(isWrite: false);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new TransientDeliveryException($"GitHub {file} could not be read: {exception.Message}", exception);
        }

        using (response)
        {
            var retryAfter = gate.Observe(response.Headers);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => await ReadAsync(file, response, cancellationToken).ConfigureAwait(false),
                HttpStatusCode.NotModified => GitHubFile.NotModified,
                HttpStatusCode.NotFound => GitHubFile.NotFound,
                _ when IsThrottled(response) || (int)response.StatusCode >= 500 => throw new TransientDeliveryException(
                    $"GitHub answered {(int)response.StatusCode} for {file}") { RetryAfter = retryAfter ?? gate.HeldFor },
                _ => throw new AnatomyUnavailableException(
                    $"GitHub answered {(int)response.StatusCode} {response.StatusCode} for {file}; check AzureDevOps:Anatomy:GitHub:Token and the repository name"),
            };
        }
    }

    private static bool IsThrottled(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || (response.StatusCode == HttpStatusCode.Forbidden
            && (response.Headers.RetryAfter is not null
                || (response.Headers.TryGetValues("X-RateLimit-Remaining", out var remaining) && remaining.FirstOrDefault() == "0")));

    private static async Task<GitHubFile> ReadAsync(GitHubFileRequest file, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > IAnatomyFileSource.MaxFileBytes)
        {
            throw new AnatomyUnavailableException($"GitHub {file} is {response.Content.Headers.ContentLength} bytes; anatomy files are limited to {IAnatomyFileSource.MaxFileBytes} bytes");
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var text = response.Content.Headers.ContentType?.MediaType == "application/json" ? DecodeContentsJson(file, bytes) : Encoding.UTF8.GetString(bytes);
        return new GitHubFile(GitHubFileStatus.Found, text.TrimStart('\uFEFF'), response.Headers.ETag?.ToString());
    }

    /// <summary>The contents object <c>{ "type": "file", "encoding": "base64", "content": "…" }</c> (line-wrapped base64).</summary>
    private static string DecodeContentsJson(GitHubFileRequest file, byte[] json)
    {
        try
        {
            return DecodeBase64Content(file, json);
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            throw new AnatomyUnavailableException($"GitHub {file}: the contents answer could not be decoded ({exception.Message})", exception);
        }
    }

    private static string DecodeBase64Content(GitHubFileRequest file, byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("encoding", out var encoding) || encoding.GetString() != "base64")
        {
            throw new AnatomyUnavailableException($"GitHub {file} is not a file with base64 content (a directory, a submodule, or larger than the contents API serves)");
        }

        var base64 = string.Concat(content.GetString()!.Where(c => !char.IsWhiteSpace(c)));
        return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
    }
}
