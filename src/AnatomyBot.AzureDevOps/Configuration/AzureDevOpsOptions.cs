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

    /// <summary>Project name or id that holds the boards (and, by default, the anatomy repository).</summary>
    public string? Project { get; set; }

    public AzureDevOpsAuthMode AuthMode { get; set; } = AzureDevOpsAuthMode.Pat;

    /// <summary>Personal access token (scopes: Work Items read &amp; write, Code read &amp; status). Used when
    /// <see cref="AuthMode"/> is <c>Pat</c>. Environment variable <c>AzureDevOps__PersonalAccessToken</c>.</summary>
    public string? PersonalAccessToken { get; set; }

    /// <summary>Client id of a user-assigned managed identity (Entra mode); empty uses DefaultAzureCredential's chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Where <c>anatomy.yml</c> comes from.</summary>
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
