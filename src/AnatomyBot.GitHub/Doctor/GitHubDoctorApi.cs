using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AnatomyBot.GitHub.Configuration;

namespace AnatomyBot.GitHub.Doctor;

/// <summary>The few raw REST reads <see cref="GitHubDoctor"/> makes, on the GitHub HTTP pipeline (rate limits, retries,
/// API-call counting), each with its own credential.</summary>
internal sealed class GitHubDoctorApi(HttpClient client, GitHubOptions options)
{
    public async Task<(HttpStatusCode Status, JsonElement? Json, HttpResponseHeaders Headers)> GetAsync(string path, string scheme, string credential, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path, scheme, credential);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null, response.Headers);
        }

        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return (response.StatusCode, document.RootElement.Clone(), response.Headers);
    }

    /// <summary>A new installation token, or null.</summary>
    public async Task<string?> PostAsync(string path, string jwt, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, path, "Bearer", jwt);
        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return document.RootElement.GetProperty("token").GetString();
    }

    /// <summary>The text of a file (the contents API's base64), or null when it is not there.</summary>
    public async Task<string?> GetFileAsync(string path, string token, CancellationToken cancellationToken)
    {
        var (_, json, _) = await GetAsync(path, "Bearer", token, cancellationToken);
        return json is { ValueKind: JsonValueKind.Object } file && file.TryGetProperty("content", out var content) && content.GetString() is { } base64
            ? Encoding.UTF8.GetString(Convert.FromBase64String(base64.Replace("\n", "", StringComparison.Ordinal)))
            : null;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string scheme, string credential)
    {
        var request = new HttpRequestMessage(method, new Uri(options.BaseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, credential);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue(options.UserAgent, null));
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        return request;
    }
}
