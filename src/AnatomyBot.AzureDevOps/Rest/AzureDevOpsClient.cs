using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.AzureDevOps.Rest.Requests;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Rest;

/// <summary>The small typed Azure DevOps REST client (api-version 7.1) the bot needs. Reads return null for 404 (an item
/// deleted between event and read is an expected outcome); other error answers throw <see cref="AzureDevOpsApiException"/>;
/// throttling, 5xx and network failures are retried by the HTTP pipeline (<see cref="RetryRules"/>) and end the delivery
/// transiently when retrying stops (<see cref="TransientFailureHandler"/>).</summary>
public sealed partial class AzureDevOpsClient(IHttpClientFactory httpClientFactory, IOptions<AzureDevOpsOptions> options)
{
    /// <summary>Name of the <see cref="HttpClient"/>; the demo can swap its primary handler for a local fake.</summary>
    public const string HttpClientName = "AnatomyBot.AzureDevOps";

    /// <summary>The most ids <c>workitemsbatch</c> accepts in one call.</summary>
    public const int BatchSize = 200;

    private Uri OrganizationUrl => options.Value.OrganizationUrl ?? throw new InvalidOperationException("AzureDevOps:OrganizationUrl is not set.");

    /// <summary>The first configured project: the route of calls that name no project of their own (work items by id,
    /// which are unique in the organisation).</summary>
    public string Project => options.Value.DefaultProject;

    /// <summary>Work items with relations, in batches of at most <see cref="BatchSize"/>; ids that do not exist (or were
    /// deleted) are simply absent.</summary>
    public async Task<IReadOnlyList<WorkItemDto>> GetWorkItemsAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new List<WorkItemDto>(ids.Count);
        foreach (var chunk in ids.Distinct().Chunk(BatchSize))
        {
            var body = new WorkItemsBatchRequest(chunk, "relations", "omit");
            var page = await SendAsync<ListResponse<WorkItemDto?>>(
                AzureDevOpsOperations.WorkItemsBatch, Route(), null, Body(body), cancellationToken).ConfigureAwait(false);
            found.AddRange(page?.Value?.OfType<WorkItemDto>() ?? []);
        }

        return found;
    }

    public Task<WorkItemDto?> GetWorkItemAsync(int id, CancellationToken cancellationToken) =>
        SendAsync<WorkItemDto>(AzureDevOpsOperations.GetWorkItem, Route(("id", Text(id))), [new("$expand", "relations")], null, cancellationToken);

    /// <summary>Replaces <c>System.Tags</c> with <paramref name="tags"/> only if the item is still at revision
    /// <paramref name="expectedRev"/>. <c>add</c> rather than <c>replace</c>: on <c>/fields/…</c> it sets the value
    /// whether or not the field holds one (a <c>replace</c> on an item without tags fails).</summary>
    public async Task<TagUpdateOutcome> UpdateTagsAsync(int id, int expectedRev, string tags, CancellationToken cancellationToken)
    {
        JsonPatchOperation[] patch =
        [
            new("test", "/rev", expectedRev),
            new("add", "/fields/System.Tags", tags),
        ];
        var content = new StringContent(JsonSerializer.Serialize(patch, AzureDevOpsJson.Type<JsonPatchOperation[]>()), Encoding.UTF8, "application/json-patch+json");
        using var response = await SendRawAsync(AzureDevOpsOperations.UpdateWorkItem, Route(("id", Text(id))), null, content, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict => TagUpdateOutcome.Conflict,
            HttpStatusCode.NotFound => TagUpdateOutcome.NotFound,
            _ => await EnsureSuccessAsync(AzureDevOpsOperations.UpdateWorkItem, response, TagUpdateOutcome.Updated).ConfigureAwait(false),
        };
    }

    /// <summary>The states of a work item type in <paramref name="project"/>, with their categories; null when the
    /// project has no such type.</summary>
    public async Task<IReadOnlyList<WorkItemStateDto>?> GetWorkItemTypeStatesAsync(string project, string type, CancellationToken cancellationToken)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal) { ["project"] = project, ["type"] = type };
        var page = await SendAsync<ListResponse<WorkItemStateDto>>(AzureDevOpsOperations.WorkItemTypeStates, route, null, null, cancellationToken).ConfigureAwait(false);
        return page is null ? null : page.Value ?? [];
    }

    internal Dictionary<string, string> Route(params (string Name, string Value)[] values)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal) { ["project"] = Project };
        foreach (var (name, value) in values)
        {
            route[name] = value;
        }

        return route;
    }

    /// <summary>A JSON request body of <typeparamref name="T"/>, written by the generated contract.</summary>
    internal static JsonContent Body<T>(T value) => JsonContent.Create(value, AzureDevOpsJson.Type<T>());

    internal static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal async Task<T?> SendAsync<T>(
        ApiOperation operation,
        IReadOnlyDictionary<string, string> route,
        IEnumerable<KeyValuePair<string, string>>? query,
        HttpContent? content,
        CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendRawAsync(operation, route, query, content, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(operation, response, true).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(AzureDevOpsJson.Type<T>(), cancellationToken).ConfigureAwait(false);
    }

    internal async Task<HttpResponseMessage> SendRawAsync(
        ApiOperation operation,
        IReadOnlyDictionary<string, string> route,
        IEnumerable<KeyValuePair<string, string>>? query,
        HttpContent? content,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(operation.Method, operation.BuildUri(OrganizationUrl, route, query)) { Content = content };
        request.Options.Set(ApiOperation.Key, operation);
        request.Headers.Accept.ParseAdd("application/json");
        var client = httpClientFactory.CreateClient(HttpClientName);
        return await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> EnsureSuccessAsync<T>(ApiOperation operation, HttpResponseMessage response, T value)
    {
        if (response.IsSuccessStatusCode)
        {
            return value;
        }

        var detail = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        throw new AzureDevOpsApiException(operation, response.StatusCode, detail.Length > 500 ? detail[..500] : detail);
    }
}
