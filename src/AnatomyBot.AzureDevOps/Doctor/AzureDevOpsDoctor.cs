using System.Net;
using System.Text.Json;
using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Ingress;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Rest.Requests;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Options;

namespace AnatomyBot.AzureDevOps.Doctor;

/// <summary>Checks a live Azure DevOps set-up against what the bot needs, through the bot's own client and HTTP pipeline:
/// the credential and its scopes (probed with documented reads), the service hook subscriptions, the branch policy
/// requiring the <c>anatomybot/linkage</c> status, and the anatomy file. Nothing is written.</summary>
/// <remarks>The published specifications this project holds (git, hooks, wit) have no <c>connectionData</c>: the
/// credential is probed with the smallest documented read the bot itself needs, a one-row WIQL query. Write scopes (Work
/// Items write, Code status) cannot be seen without writing, so they are named, not probed. Branch policies are read
/// through the Git specification's <c>git/policy/configurations</c>, the policy API's copy that the corpus holds.</remarks>
public sealed class AzureDevOpsDoctor(AzureDevOpsClient client, IOptions<AzureDevOpsOptions> options, IAnatomyFileSource anatomy, IServiceProvider services)
{
    /// <summary>The webhook route of both hosts.</summary>
    public const string WebhookPath = "/api/azure-devops/webhooks";

    /// <summary>The id of Azure DevOps' "Status" branch policy type.</summary>
    public const string StatusPolicyType = "cbdc66da-9728-4af8-aada-9a5a32e4a226";

    /// <summary>Most pages of policy configurations read.</summary>
    public const int MaxPolicyPages = 20;

    /// <summary>Policy configurations per page.</summary>
    public const int PolicyPageSize = 100;

    private const string CredentialCheck = "Azure DevOps credential";

    /// <summary>The subscriptions the bot needs: work items and pull requests as they change, pushes (the anatomy file), and
    /// comments in pull-request threads and work-item discussions (the <c>/anatomy</c> commands).</summary>
    private static readonly string[] RequiredEvents =
    [
        AzureDevOpsEventTypes.WorkItemCreated, AzureDevOpsEventTypes.WorkItemUpdated, AzureDevOpsEventTypes.PullRequestCreated,
        AzureDevOpsEventTypes.PullRequestUpdated, AzureDevOpsEventTypes.Push, AzureDevOpsEventTypes.PullRequestCommented,
        AzureDevOpsEventTypes.WorkItemCommented,
    ];

    /// <summary>Each configured project's checks in turn; with several projects each check's name begins with its
    /// project's (<c>Tailspin: Status policy</c>).</summary>
    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(Uri? hookUrl, CancellationToken cancellationToken)
    {
        var projects = options.Value.ConfiguredProjects;
        var checks = new List<DoctorCheck>();
        foreach (var project in projects)
        {
            var found = await RunAsync(project, hookUrl, cancellationToken).ConfigureAwait(false);
            checks.AddRange(projects.Count > 1 ? found.Select(c => c with { Name = $"{project}: {c.Name}" }) : found);
        }

        return checks;
    }

    private async Task<IReadOnlyList<DoctorCheck>> RunAsync(string project, Uri? hookUrl, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var checks = new List<DoctorCheck>();
        var route = client.Route(("project", project));
        var where = $"{settings.OrganizationUrl!.AbsoluteUri.TrimEnd('/')}/{project}";
        var credential = settings.AuthMode == AzureDevOpsAuthMode.Pat ? "personal access token" : "managed identity";
        using var probe = AzureDevOpsClient.Body(new WiqlRequest("SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project"));
        var (status, _, _) = await ReadAsync(AzureDevOpsOperations.QueryByWiql, route, [new("$top", "1")], probe, cancellationToken).ConfigureAwait(false);
        switch (status)
        {
            case HttpStatusCode.OK:
                checks.Add(DoctorCheck.Pass(CredentialCheck, $"the {credential} reads work items in {where}"));
                break;
            case HttpStatusCode.NotFound:
                checks.Add(DoctorCheck.Fail(CredentialCheck, $"the project {project} was not found at {settings.OrganizationUrl}, or the {credential} cannot see it",
                    "set AzureDevOps:OrganizationUrl to https://dev.azure.com/ORG and AzureDevOps:Project (or each of AzureDevOps:Projects) to the project's name"));
                return checks;
            default:
                checks.Add(DoctorCheck.Fail(CredentialCheck, $"Azure DevOps refused the {credential} ({(int)status})", settings.AuthMode == AzureDevOpsAuthMode.Pat
                    ? "create a personal access token with Work Items (read & write) and Code (read & status) and set it in AzureDevOps:PersonalAccessToken"
                    : "give the managed identity access to the organisation (Organization settings → Users) and the project (Contributors)"));
                return checks;
        }

        var (reposStatus, repositories, _) = await ReadAsync(AzureDevOpsOperations.ListRepositories, route, null, null, cancellationToken).ConfigureAwait(false);
        var names = Values(repositories).ToDictionary(r => Text(r, "id") ?? "", r => Text(r, "name") ?? "", StringComparer.OrdinalIgnoreCase);
        var projectId = Values(repositories).Select(r => r.TryGetProperty("project", out var p) ? Text(p, "id") : null).FirstOrDefault(id => id is not null);
        checks.Add(reposStatus == HttpStatusCode.OK
            ? DoctorCheck.Pass("Azure DevOps scopes", "Work Items (read) and Code (read) answer; Work Items (write) and Code (status) show only when the bot writes, which doctor does not do")
            : DoctorCheck.Fail("Azure DevOps scopes", $"Code (read) is refused: the repositories of {project} could not be listed ({(int)reposStatus})",
                $"give the {credential} Code (read & status) as well as Work Items (read & write)"));
        if (project == settings.DefaultProject)
        {
            checks.Add(string.IsNullOrWhiteSpace(settings.WebhookSecret)
                ? DoctorCheck.Fail("Service hook secret", "AzureDevOps:WebhookSecret is not set", "set a random secret in AzureDevOps:WebhookSecret and as each service hook's basic authentication password")
                : DoctorCheck.Pass("Service hook secret", "AzureDevOps:WebhookSecret is set"));
        }

        checks.AddRange(await ServiceHooksAsync(route, hookUrl, projectId, cancellationToken).ConfigureAwait(false));
        checks.AddRange(await StatusPolicyAsync(route, names, cancellationToken).ConfigureAwait(false));
        checks.Add(await AnatomyAsync(project, cancellationToken).ConfigureAwait(false));
        return checks;
    }

    private async Task<IEnumerable<DoctorCheck>> ServiceHooksAsync(Dictionary<string, string> route, Uri? expected, string? projectId, CancellationToken cancellationToken)
    {
        var (status, json, _) = await ReadAsync(
            AzureDevOpsOperations.ListSubscriptions, route, [new("publisherId", "tfs"), new("consumerId", "webHooks"), new("consumerActionId", "httpRequest")], null, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            return [DoctorCheck.Fail("Service hooks", $"the organisation's service hook subscriptions could not be read ({(int)status})",
                "give the credential Work Items (read) or Code (read), or check the subscriptions by hand under Project settings → Service hooks")];
        }

        var subscriptions = Values(json)
            .Where(s => projectId is null || !s.TryGetProperty("publisherInputs", out var inputs) || Text(inputs, "projectId") is not { } id || string.Equals(id, projectId, StringComparison.OrdinalIgnoreCase))
            .Select(ServiceHookSubscription.From)
            .ToList();
        return RequiredEvents.Select(e => ServiceHookSubscription.Check(e, subscriptions, expected, WebhookPath));
    }

    private async Task<IEnumerable<DoctorCheck>> StatusPolicyAsync(Dictionary<string, string> route, IReadOnlyDictionary<string, string> repositories, CancellationToken cancellationToken)
    {
        const string Name = "Status policy";
        var policies = new List<JsonElement>();
        string? continuation = null;
        for (var page = 0; page < MaxPolicyPages; page++)
        {
            List<KeyValuePair<string, string>> query = [new("policyType", StatusPolicyType), new("$top", PolicyPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            if (continuation is not null)
            {
                query.Add(new("continuationToken", continuation));
            }

            var (status, json, next) = await ReadAsync(AzureDevOpsOperations.ListPolicyConfigurations, route, query, null, cancellationToken).ConfigureAwait(false);
            if (status != HttpStatusCode.OK)
            {
                return [DoctorCheck.Fail(Name, $"the project's branch policies could not be read ({(int)status})", "give the credential Code (read)")];
            }

            policies.AddRange(Values(json));
            if ((continuation = next) is null)
            {
                break;
            }
        }

        var policyCheck = StatusPolicy.Check(Name, policies, repositories, continuation is not null);
        return BotIdentityCheck.Check(options.Value.BotIdentityId, policies) is { } identityCheck ? [policyCheck, identityCheck] : [policyCheck];
    }

    private async Task<DoctorCheck> AnatomyAsync(string project, CancellationToken cancellationToken)
    {
        const string Name = "anatomy";
        var settings = options.Value;
        var source = settings.Anatomy.For(project);
        var file = ReferenceEquals(source, settings.Anatomy.For(settings.DefaultProject))
            ? anatomy
            : AnatomySources.Create(services, source, settings.AnatomyRepositoryProject(project), shared: false);
        var path = source.Kind == AnatomySourceKind.LocalFile ? source.LocalPath! : source.Path;
        string? text;
        try
        {
            text = await file.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AnatomyUnavailableException e)
        {
            return DoctorCheck.Fail(Name, $"{file.Description} could not be read: {e.Message}", "give the credential read access to the anatomy's repository");
        }

        return AnatomyFileCheck.Evaluate(Name, path, text, $"no file at {file.Description}",
            "commit the anatomy there, or point AzureDevOps:Anatomy:Repository (and :Path, :Branch) at where it is");
    }

    /// <summary>The status, the JSON answer when it succeeded, and the <c>x-ms-continuationtoken</c> header.</summary>
    private async Task<(HttpStatusCode Status, JsonElement? Json, string? Continuation)> ReadAsync(
        ApiOperation operation, Dictionary<string, string> route, IEnumerable<KeyValuePair<string, string>>? query, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await client.SendRawAsync(operation, route, query, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null, null);
        }

        var continuation = response.Headers.TryGetValues("x-ms-continuationtoken", out var tokens) ? tokens.FirstOrDefault(t => t.Length > 0) : null;
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        return (response.StatusCode, document.RootElement.Clone(), continuation);
    }

    /// <summary>The items of a list answer (<c>{"count", "value"}</c>).</summary>
    internal static IEnumerable<JsonElement> Values(JsonElement? list) =>
        list is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object)
            : [];

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
