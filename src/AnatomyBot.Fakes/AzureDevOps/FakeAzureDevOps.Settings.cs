using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace AnatomyBot.Fakes.AzureDevOps;

/// <summary>What an installation is set up with: the project's repositories, its branch policy configurations (paged by
/// <c>continuationToken</c> and the <c>x-ms-continuationtoken</c> header, as the Git specification describes) and the
/// organisation's service hook subscriptions.</summary>
public sealed partial class FakeAzureDevOps
{
    /// <summary>The id of Azure DevOps' "Status" branch policy type.</summary>
    public const string StatusPolicyType = "cbdc66da-9728-4af8-aada-9a5a32e4a226";

    public List<FakeServiceHook> ServiceHooks { get; } = [];

    public List<FakePolicyConfiguration> Policies { get; } = [];

    /// <summary>A Status policy configuration requiring <paramref name="genre"/>/<paramref name="name"/> on a branch of a repository.</summary>
    public static FakePolicyConfiguration StatusPolicy(int id, string genre, string name, string repositoryId, string refName = "refs/heads/main") => new()
    {
        Id = id,
        Settings = new JsonObject
        {
            ["statusGenre"] = genre,
            ["statusName"] = name,
            ["invalidateOnSourceUpdate"] = false,
            ["scope"] = new JsonArray(new JsonObject { ["repositoryId"] = repositoryId, ["refName"] = refName, ["matchKind"] = "Exact" }),
        },
    };

    private void MapSettings()
    {
        MapApi(HttpMethod.Get, "git/repositories", _ => FakeResponse.Json(FakeAzureDevOpsJson.Envelope(
            _repositories.Values.Select(r => (JsonNode)FakeAzureDevOpsJson.Repository(Api, this, r)))));
        MapApi(HttpMethod.Get, "git/policy/configurations", r =>
        {
            var type = r.QueryValue("policyType");
            var top = r.QueryNumber("$top") ?? 100;
            var from = r.QueryNumber("continuationToken") ?? 0;
            var matching = Policies.Where(p => (type is null || string.Equals(p.TypeId, type, StringComparison.OrdinalIgnoreCase)) && p.Id >= from).OrderBy(p => p.Id).ToList();
            var page = FakeResponse.Json(FakeAzureDevOpsJson.Envelope(matching.Take(top).Select(p => (JsonNode)PolicyJson(p))));
            return matching.Count > top ? page.WithHeader("x-ms-continuationtoken", matching[top].Id.ToString(CultureInfo.InvariantCulture)) : page;
        });
        MapOrganization(HttpMethod.Get, "hooks/subscriptions", r => FakeResponse.Json(FakeAzureDevOpsJson.Envelope(ServiceHooks
            .Where(h => Matches(r, "publisherId", "tfs") && Matches(r, "eventType", h.EventType) && Matches(r, "consumerId", "webHooks") && Matches(r, "consumerActionId", "httpRequest"))
            .Select(h => (JsonNode)ServiceHookJson(h)))));
    }

    private static bool Matches(FakeRequest request, string name, string value) =>
        request.QueryValue(name) is not { } wanted || string.Equals(wanted, value, StringComparison.OrdinalIgnoreCase);

    /// <summary>Maps an operation under <c>/{organization}/_apis/</c> (service hooks live at the organisation).</summary>
    private void MapOrganization(HttpMethod method, string template, Func<FakeRequest, FakeResponse> answer) =>
        Map(method, "/{organization}/_apis/" + template, request =>
            request.QueryValue("api-version") != ApiVersion
                ? Error(HttpStatusCode.BadRequest, $"VS403446: api-version {ApiVersion} is required")
                : string.Equals(request.Route("organization"), Organization, StringComparison.OrdinalIgnoreCase)
                    ? answer(request)
                    : Error(HttpStatusCode.NotFound, $"TF400813: The organization {request.Route("organization")} does not exist."),
            isRead: method == HttpMethod.Get);

    private JsonObject PolicyJson(FakePolicyConfiguration policy) => new()
    {
        ["id"] = policy.Id,
        ["revision"] = 1,
        ["type"] = new JsonObject { ["id"] = policy.TypeId, ["displayName"] = policy.TypeId == StatusPolicyType ? "Status" : "Policy", ["url"] = $"{Api}{ProjectId}/_apis/policy/types/{policy.TypeId}" },
        ["url"] = string.Create(CultureInfo.InvariantCulture, $"{Api}{ProjectId}/_apis/policy/configurations/{policy.Id}"),
        ["isEnabled"] = policy.IsEnabled,
        ["isBlocking"] = policy.IsBlocking,
        ["isDeleted"] = policy.IsDeleted,
        ["createdDate"] = "2026-11-01T09:00:00Z",
        ["settings"] = policy.Settings.DeepClone(),
    };

    private JsonObject ServiceHookJson(FakeServiceHook hook)
    {
        var consumer = new JsonObject { ["url"] = hook.Url.AbsoluteUri };
        if (hook.HasPassword)
        {
            consumer["basicAuthUsername"] = "anatomybot";
            consumer["basicAuthPassword"] = "********";
        }

        return new JsonObject
        {
            ["id"] = hook.Id,
            ["url"] = $"{Api}_apis/hooks/subscriptions/{hook.Id}",
            ["status"] = hook.Status,
            ["publisherId"] = "tfs",
            ["eventType"] = hook.EventType,
            ["resourceVersion"] = "1.0",
            ["consumerId"] = "webHooks",
            ["consumerActionId"] = "httpRequest",
            ["createdDate"] = "2026-11-01T09:00:00Z",
            ["modifiedDate"] = "2026-11-01T09:00:00Z",
            ["publisherInputs"] = new JsonObject { ["projectId"] = hook.ProjectId ?? ProjectId },
            ["consumerInputs"] = consumer,
        };
    }
}
