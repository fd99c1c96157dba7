namespace AnatomyBot.AzureDevOps.Configuration;

/// <summary>Configuration section <c>AzureDevOps</c>; validated at start-up by <see cref="AzureDevOpsOptionsValidator"/>.</summary>
public sealed class AzureDevOpsOptions
{
    public const string SectionName = "AzureDevOps";

    /// <summary>Secret every service hook must carry (basic-auth password or <see cref="WebhookSecretHeader"/>).
    /// Environment variable <c>AzureDevOps__WebhookSecret</c>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The secret before the last rotation, accepted as well while it is set.</summary>
    public string? PreviousWebhookSecret { get; set; }

    /// <summary>Optional HTTP header name that carries the secret instead of basic auth (e.g. <c>X-AnatomyBot-Secret</c>).</summary>
    public string? WebhookSecretHeader { get; set; }

    /// <summary>Development only: accept service hooks without a secret when none is configured.</summary>
    public bool AllowUnauthenticatedWebhooks { get; set; }

    /// <summary>Organisation or collection URL: <c>https://dev.azure.com/contoso</c> or
    /// <c>https://tfs.contoso.com/DefaultCollection</c>. The demo points it at a local fake.</summary>
    public Uri? OrganizationUrl { get; set; }

    /// <summary>One project name or id that holds the boards (and, by default, the anatomy repository): the same as
    /// <see cref="Projects"/> with one entry. Setting both fails start-up.</summary>
    public string? Project { get; set; }

    /// <summary>The project names or ids whose boards and pull requests the bot watches (<c>AzureDevOps:Projects:0</c>,
    /// <c>AzureDevOps:Projects:1</c>…; environment <c>AzureDevOps__Projects__0</c>). Every other project stays silent.</summary>
    public List<string> Projects { get; set; } = [];

    /// <summary>The watched projects: <see cref="Projects"/>, or <see cref="Project"/> as a list of one; blank entries
    /// dropped, each project once (names compare case-insensitively, as Azure DevOps compares them).</summary>
    public IReadOnlyList<string> ConfiguredProjects =>
        [.. (Projects.Count > 0 ? Projects : [Project ?? ""]).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Whether <paramref name="project"/> (a name or id) is one of <see cref="ConfiguredProjects"/>.</summary>
    public bool IsConfigured(string? project) =>
        !string.IsNullOrWhiteSpace(project) && ConfiguredProjects.Contains(project.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The project holding the Azure Repos anatomy of <paramref name="project"/>: the source's own
    /// <c>Project</c>, else the project itself for a project's own source, else the first project for the shared one.</summary>
    public string AnatomyRepositoryProject(string project)
    {
        var source = Anatomy.For(project);
        return !string.IsNullOrWhiteSpace(source.Project) ? source.Project
            : ReferenceEquals(source, Anatomy) ? DefaultProject
            : project;
    }

    /// <summary>The configured project that <paramref name="name"/> or <paramref name="id"/> names (compared
    /// case-insensitively), else <see cref="DefaultProject"/>: whose anatomy judges an item that may name its project.</summary>
    public string ConfiguredProjectOrDefault(string? name, string? id = null) =>
        ConfiguredProjects.FirstOrDefault(p => string.Equals(p, name, StringComparison.OrdinalIgnoreCase) || string.Equals(p, id, StringComparison.OrdinalIgnoreCase))
        ?? DefaultProject;

    /// <summary>The first watched project: where reads that name no project (work items by id) are sent.</summary>
    public string DefaultProject => ConfiguredProjects.Count > 0 ? ConfiguredProjects[0] : throw new InvalidOperationException("AzureDevOps:Projects is not set.");

    public AzureDevOpsAuthMode AuthMode { get; set; } = AzureDevOpsAuthMode.Pat;

    /// <summary>Personal access token (scopes: Work Items read &amp; write, Code read &amp; status). Used when
    /// <see cref="AuthMode"/> is <c>Pat</c>. Environment variable <c>AzureDevOps__PersonalAccessToken</c>.</summary>
    public string? PersonalAccessToken { get; set; }

    /// <summary>Client id of a user-assigned managed identity (Entra mode); empty uses DefaultAzureCredential's chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Optional: the id (a GUID) of the identity the credential acts as, the <c>createdBy.id</c> of the bot's
    /// <c>anatomybot/linkage</c> statuses. Known from the start, the bot finds its own work-item comments and threads after
    /// every restart without writing first; unset, it learns the id from its first write
    /// (<see cref="Reading.AzureDevOpsBotIdentity"/>).</summary>
    public string? BotIdentityId { get; set; }

    /// <summary>Where <c>anatomy.yml</c> comes from: for every project, or per project under
    /// <c>AzureDevOps:Anatomy:Projects:{project}</c> (<see cref="AnatomySourceOptions.For"/>).</summary>
    public AnatomySourceOptions Anatomy { get; set; } = new();

    /// <summary>Longest wait (seconds) the client sits out inline for <c>Retry-After</c> or back-off; a longer one
    /// ends the delivery with a transient failure so the queue retries it later.</summary>
    public int MaxInlineWaitSeconds { get; set; } = 10;

    /// <summary>Retries of one request after 429 / 5xx before the delivery fails transiently.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Most work items re-evaluated because a parent changed (children, grandchildren…).</summary>
    public int MaxDependants { get; set; } = 200;

    /// <summary>Most open epics, features and stories listed by the nightly sweep or after an anatomy change.</summary>
    public int MaxSweepWorkItems { get; set; } = 20_000;

    /// <summary>Most active pull requests listed by the nightly sweep or after an anatomy change.</summary>
    public int MaxSweepPullRequests { get; set; } = 2_000;
}
