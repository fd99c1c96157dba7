using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.GitHub.Auth;
using AnatomyBot.GitHub.Configuration;
using AnatomyBot.GitHub.Http;
using Microsoft.Extensions.Options;
using Polly;

namespace AnatomyBot.GitHub.Anatomy;

/// <summary>Reads one anatomy file through GitHub's contents API, <c>GET /repos/{owner}/{repo}/contents/{path}?ref=</c>,
/// over the GitHub channel's HTTP pipeline (<see cref="GitHubClientFactory.HttpClientName"/>): its retries, its rate-limit
/// handling, its ETag store (an unchanged file costs a 304 and no quota) and its API-call tally. Asks for the raw file
/// (<c>application/vnd.github.raw+json</c>) and also decodes the JSON form (<c>content</c> in base64) that older servers
/// return. Rate limits, 5xx, network failures and a refusing resilience pipeline end the delivery transiently; other
/// refusals (401, 403, a file too large) with <see cref="AnatomyUnavailableException"/>.</summary>
public sealed class GitHubAnatomyFileSource(IHttpClientFactory httpClients, IOptions<GitHubOptions> options, GitHubAnatomyFile file) : IAnatomyFileSource
{
    public const string RawMediaType = "application/vnd.github.raw+json";
    public const string ApiVersion = "2022-11-28";

    public string Description => $"GitHub {file}";

    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, file.Uri);
        request.Headers.Accept.ParseAdd(RawMediaType);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(options.Value.UserAgent, "1.0"));
        request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
        if (!string.IsNullOrWhiteSpace(file.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", file.Token);
        }

        if (file.MaxInlineWait is { } wait)
        {
            request.Options.Set(RateLimitHandler.MaxInlineWait, wait);
        }

        using var http = httpClients.CreateClient(GitHubClientFactory.HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new TransientDeliveryException($"GitHub {file} could not be read: {exception.Message}", exception);
        }
        catch (ExecutionRejectedException exception)
        {
            throw new TransientDeliveryException($"GitHub {file} could not be read: the resilience pipeline refused the call ({exception.GetType().Name})", exception);
        }

        using (response)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.OK => await ReadTextAsync(response, cancellationToken).ConfigureAwait(false),
                HttpStatusCode.NotFound => null,
                _ when (int)response.StatusCode >= 500 => throw new TransientDeliveryException($"GitHub answered {(int)response.StatusCode} for {file}"),
                _ => throw new AnatomyUnavailableException(
                    $"GitHub answered {(int)response.StatusCode} {response.StatusCode} for {file}; check {file.SettingsName}:Token and the repository name"),
            };
        }
    }

    private async Task<string> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > IAnatomyFileSource.MaxFileBytes)
        {
            throw TooLarge(response.Content.Headers.ContentLength.Value);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length > IAnatomyFileSource.MaxFileBytes)
        {
            throw TooLarge(bytes.Length);
        }

        var text = response.Content.Headers.ContentType?.MediaType == "application/json" ? DecodeContentsJson(bytes) : Encoding.UTF8.GetString(bytes);
        return text.TrimStart('\uFEFF');
    }

    private AnatomyUnavailableException TooLarge(long bytes) =>
        new($"GitHub {file} is {bytes} bytes; anatomy files are limited to {IAnatomyFileSource.MaxFileBytes} bytes");

    /// <summary>The contents object <c>{ "type": "file", "encoding": "base64", "content": "…" }</c> (line-wrapped base64).</summary>
    private string DecodeContentsJson(byte[] json)
    {
        try
        {
            return DecodeBase64Content(json);
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            throw new AnatomyUnavailableException($"GitHub {file}: the contents answer could not be decoded ({exception.Message})", exception);
        }
    }

    private string DecodeBase64Content(byte[] json)
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
