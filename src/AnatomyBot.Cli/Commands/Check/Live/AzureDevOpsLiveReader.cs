using System.Net;
using AnatomyBot.AzureDevOps;
using AnatomyBot.AzureDevOps.Anatomy;
using AnatomyBot.AzureDevOps.Backlog;
using AnatomyBot.AzureDevOps.Configuration;
using AnatomyBot.AzureDevOps.Reading;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.Core.Anatomy;
using AnatomyBot.Core.Linkage;
using AnatomyBot.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Cli.Commands.Check.Live;

/// <summary><c>check --azure-devops https://dev.azure.com/ORG/PROJECT</c>: the project's open epics, features and stories
/// and active pull requests read through the bot's own Azure DevOps client (retries, rate-limit gate, API-call tally),
/// with <c>AZURE_DEVOPS_EXT_PAT</c> (basic auth) or a pipeline's <c>SYSTEM_ACCESSTOKEN</c> (bearer). The anatomy, when
/// <c>--anatomy</c> is not given, comes from where the bot reads it: the <c>AzureDevOps__Anatomy__*</c> settings.</summary>
internal static class AzureDevOpsLiveReader
{
    /// <summary>Whether a token for Azure DevOps is in the environment.</summary>
    public static bool HasCredential =>
        Environment.GetEnvironmentVariable("AZURE_DEVOPS_EXT_PAT") is { Length: > 0 } || Environment.GetEnvironmentVariable("SYSTEM_ACCESSTOKEN") is { Length: > 0 };

    /// <summary>The work items a WIQL result lists, with their ancestors, fetched with <c>workitemsbatch</c>.</summary>
    public static async Task<LiveBacklog> ReadWorkItemsAsync(string projectUrl, IReadOnlyList<int> ids, string anatomyPath, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (organization, project) = AzureDevOpsProject.Parse(projectUrl);
        var (credential, origin) = Credential();
        await using var provider = Services(organization, project, anatomyPath, credential);
        using var tally = ApiCallTally.Begin();
        try
        {
            var found = await provider.GetRequiredService<AzureDevOpsSnapshotReader>().ReadWithAncestorsAsync(ids, cancellationToken).ConfigureAwait(false);
            var mapped = found.Values.OrderBy(d => d.Id).Select(d => (Dto: d, Result: AzureDevOpsSnapshotReader.Map(d))).ToList();
            await stderr.WriteLineAsync($"check: fetched {found.Count:N0} work items of the WIQL result ({WiqlResult.Describe(ids)}) from {organization}{project} with {tally.Tally.Calls:N0} Azure DevOps API calls ({origin})").ConfigureAwait(false);
            return new LiveBacklog(
                [.. mapped.Select(m => m.Result.Item).OfType<WorkItem>()],
                [.. mapped.Where(m => m.Result.Item is null).Select(m => (m.Dto.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ItemSource.AzureDevOps, m.Result.Error ?? "unreadable"))],
                null);
        }
        catch (Exception e) when (Explain(e, organization, project, origin) is { } message)
        {
            throw new LiveReadException(message, e);
        }
    }

    public static async Task<LiveBacklog> ReadAsync(string projectUrl, string? anatomyPath, ILiveProgress progress, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (organization, project) = AzureDevOpsProject.Parse(projectUrl);
        var readAnatomy = anatomyPath is null;
        var (credential, origin) = Credential();
        await using var provider = Services(organization, project, anatomyPath, credential);
        using var tally = ApiCallTally.Begin();
        try
        {
            var anatomy = readAnatomy ? await ReadAnatomyAsync(provider, cancellationToken).ConfigureAwait(false) : null;
            var read = await provider.GetRequiredService<AzureDevOpsOpenBacklog>()
                .ReadAsync((done, total) => progress.Fetched($"{organization}{project}", done, total), cancellationToken).ConfigureAwait(false);
            if (read.Truncated)
            {
                await stderr.WriteLineAsync("check: the listing stopped at AzureDevOps:MaxSweepWorkItems / MaxSweepPullRequests; raise them to read the rest").ConfigureAwait(false);
            }

            await stderr.WriteLineAsync($"check: read {read.Items.Count:N0} items from {organization}{project} with {tally.Tally.Calls:N0} Azure DevOps API calls ({origin})").ConfigureAwait(false);
            return new LiveBacklog(read.Items, [.. read.Unreadable.Select(u => (u.Id, ItemSource.AzureDevOps, u.Reason))], anatomy);
        }
        catch (Exception e) when (Explain(e, organization, project, origin) is { } message)
        {
            throw new LiveReadException(message, e);
        }
    }

    /// <summary>The bot's Azure DevOps services for one project, with <paramref name="credential"/>.</summary>
    private static ServiceProvider Services(Uri organization, string project, string? anatomyPath, IAzureDevOpsCredential credential)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(credential);
        services.AddAnatomyBotAzureDevOpsClient(configuration, o =>
        {
            (o.OrganizationUrl, o.Project, o.AuthMode) = (organization, project, AzureDevOpsAuthMode.Pat);
            o.PersonalAccessToken = "supplied by the credential above";
            if (anatomyPath is not null && o.Anatomy.Kind is AnatomySourceKind.None)
            {
                o.Anatomy.LocalPath = Path.GetFullPath(anatomyPath);
            }
        });
        return services.BuildServiceProvider();
    }

    private static (IAzureDevOpsCredential Credential, string Origin) Credential()
    {
        if (Environment.GetEnvironmentVariable("AZURE_DEVOPS_EXT_PAT") is { Length: > 0 } pat)
        {
            return (new PatCredential(pat.Trim()), "AZURE_DEVOPS_EXT_PAT");
        }

        return Environment.GetEnvironmentVariable("SYSTEM_ACCESSTOKEN") is { Length: > 0 } token
            ? (new BearerCredential(token.Trim()), "SYSTEM_ACCESSTOKEN")
            : throw new LiveReadException("check: --azure-devops needs a token: set AZURE_DEVOPS_EXT_PAT to a personal access token (Work Items read, Code read), or SYSTEM_ACCESSTOKEN in a pipeline");
    }

    private static async Task<EnterpriseAnatomy> ReadAnatomyAsync(ServiceProvider provider, CancellationToken cancellationToken)
    {
        AzureDevOpsOptions options;
        try
        {
            options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AzureDevOpsOptions>>().Value;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            throw new LiveReadException($"check: no anatomy: give --anatomy FILE, or set AzureDevOps__Anatomy__Repository (and __Path) as for the bot ({string.Join("; ", e.Failures)})", e);
        }

        try
        {
            return (await provider.GetRequiredService<IAnatomyProvider>().GetAsync(null, cancellationToken).ConfigureAwait(false)).Anatomy;
        }
        catch (AnatomyUnavailableException e)
        {
            throw new LiveReadException($"check: no anatomy from the {options.Anatomy.Kind} source: {e.Message}; give --anatomy FILE", e);
        }
    }

    private static string? Explain(Exception e, Uri organization, string project, string origin) => e switch
    {
        AzureDevOpsApiException { StatusCode: HttpStatusCode.Unauthorized } =>
            $"check: Azure DevOps refused the credentials (401 Unauthorized) for {organization}{project} with {origin}: the token is wrong or expired; it needs Work Items (read) and Code (read)",
        AzureDevOpsApiException { StatusCode: HttpStatusCode.Forbidden } =>
            $"check: Azure DevOps refused access (403 Forbidden) to {organization}{project} with {origin}: the token needs Work Items (read) and Code (read)",
        AzureDevOpsApiException { StatusCode: HttpStatusCode.NotFound } =>
            $"check: the project '{project}' was not found at {organization}, or the token ({origin}) cannot see it",
        AzureDevOpsApiException api => $"check: {api.Message}",
        TransientDeliveryException t => $"check: Azure DevOps did not answer: {t.Message}",
        HttpRequestException h => $"check: cannot reach Azure DevOps at {organization}: {h.Message}",
        _ => null,
    };
}
